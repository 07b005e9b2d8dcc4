import { describe, expect, it } from 'vitest';
import { accuracyOf, holdBack, predictNaiveBayes, tokenize, trainNaiveBayes } from '@/lib/triage/naive-bayes';

const examples = [
  { text: 'Refund my invoice please, I was charged twice', label: 'billing' },
  { text: 'Invoice shows the wrong VAT amount', label: 'billing' },
  { text: 'Card charged but subscription not active', label: 'billing' },
  { text: 'Parcel never arrived, tracking stuck', label: 'shipping' },
  { text: 'Delivery is late and the courier lost my parcel', label: 'shipping' },
  { text: 'Tracking number does not work for my delivery', label: 'shipping' },
];

describe('tokenize', () => {
  it('lower-cases, keeps letters and digits of any script, drops stop words and single letters', () => {
    expect(tokenize('The Invoice #42 is WRONG, ä Größe x')).toEqual(['invoice', '42', 'wrong', 'größe']);
  });
});

describe('multinomial naive Bayes', () => {
  const model = trainNaiveBayes(examples);

  it('counts documents and words per label', () => {
    expect(model.docs).toBe(6);
    expect(model.labels.billing!.docs).toBe(3);
    expect(model.labels.shipping!.words.parcel).toBe(2);
  });

  it('predicts the label whose words a text shares, with a probability between 0 and 1', () => {
    const billing = predictNaiveBayes(model, 'I need a refund for this invoice');
    expect(billing?.label).toBe('billing');
    expect(billing!.confidence).toBeGreaterThan(0.8);
    expect(predictNaiveBayes(model, 'where is my parcel? tracking says nothing')?.label).toBe('shipping');
  });

  it('is less sure of a text with words of both labels than of a clear one', () => {
    const mixed = predictNaiveBayes(model, 'invoice for the parcel')!;
    const clear = predictNaiveBayes(model, 'invoice refund charged VAT')!;
    expect(mixed.confidence).toBeLessThan(clear.confidence);
  });

  it('falls back to the priors for unknown words, and answers null untrained', () => {
    const skewed = trainNaiveBayes([...examples, { text: 'refund', label: 'billing' }]);
    expect(predictNaiveBayes(skewed, 'zzz qqq')).toEqual({ label: 'billing', confidence: 4 / 7 });
    expect(predictNaiveBayes(trainNaiveBayes([]), 'refund')).toBeNull();
  });

  it('survives a JSON round trip unchanged (the model lives in a jsonb column)', () => {
    const again = JSON.parse(JSON.stringify(model));
    expect(predictNaiveBayes(again, 'late delivery')).toEqual(predictNaiveBayes(model, 'late delivery'));
  });

  it('holds back every fifth example and measures accuracy on those only', () => {
    const { train, test } = holdBack([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(test).toEqual([5, 10]);
    expect(train).toHaveLength(8);
    expect(
      accuracyOf(model, [
        { text: 'refund invoice', label: 'billing' },
        { text: 'refund invoice', label: 'shipping' },
      ]),
    ).toBe(0.5);
    expect(accuracyOf(model, [])).toBeNull();
  });
});
