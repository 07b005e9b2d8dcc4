import { describe, expect, it } from 'vitest';
import { sniffContentType } from '@/lib/utils/sniff-content-type';

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (s: string) => new TextEncoder().encode(s);
const withTail = (head: number[], length = 64) => new Uint8Array([...head, ...new Array(length).fill(0x20)]);

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37];
const JPEG = [0xff, 0xd8, 0xff, 0xe0];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EXE = [0x4d, 0x5a, 0x90, 0x00];

describe('sniffContentType', () => {
  it('recognises PNG, PDF and JPEG by their signatures', () => {
    expect(sniffContentType(withTail(PNG), 'shot.png')).toBe('image/png');
    expect(sniffContentType(withTail(PDF), 'invoice.pdf')).toBe('application/pdf');
    expect(sniffContentType(withTail(JPEG), 'photo.jpg')).toBe('image/jpeg');
  });

  it('goes by the content, not the name', () => {
    expect(sniffContentType(withTail(PNG), 'report.pdf')).toBe('image/png');
    expect(sniffContentType(withTail(PDF), 'notes.txt')).toBe('application/pdf');
  });

  it('refuses HTML and other markup disguised as text', () => {
    expect(sniffContentType(text('<!DOCTYPE html><html><script>alert(1)</script></html>'), 'readme.txt')).toBeNull();
    expect(sniffContentType(text('  \n<html><body>hi</body></html>'), 'notes.txt')).toBeNull();
    expect(sniffContentType(text('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'), 'image.txt')).toBeNull();
    expect(sniffContentType(text('<script>alert(1)</script>'), 'data.csv')).toBeNull();
  });

  it('refuses HTML named as an image or a PDF', () => {
    expect(sniffContentType(text('<html><body>fake</body></html>'), 'invoice.pdf')).toBeNull();
    expect(sniffContentType(text('<html></html>'), 'photo.png')).toBeNull();
  });

  it('refuses executables whatever their name', () => {
    expect(sniffContentType(withTail(EXE), 'setup.exe')).toBeNull();
    expect(sniffContentType(withTail(EXE), 'invoice.pdf')).toBeNull();
    expect(sniffContentType(withTail(EXE), 'notes.txt')).toBeNull();
  });

  it('accepts plain text, CSV and JSON by extension when the content is text', () => {
    expect(sniffContentType(text('Order 42 failed at step 3.\n'), 'log.txt')).toBe('text/plain');
    expect(sniffContentType(text('a,b\n1,2\n'), 'export.csv')).toBe('text/csv');
    expect(sniffContentType(text('{"ok":true}'), 'data.json')).toBe('application/json');
  });

  it('refuses text content under an unknown extension', () => {
    expect(sniffContentType(text('echo hi'), 'script.sh')).toBeNull();
  });

  it('tells Office documents from plain zips by the extension once the zip signature matches', () => {
    expect(sniffContentType(withTail(ZIP), 'proposal.docx')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(sniffContentType(withTail(ZIP), 'budget.xlsx')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(sniffContentType(withTail(ZIP), 'logs.zip')).toBe('application/zip');
  });

  it('refuses a .docx that is not a zip', () => {
    expect(sniffContentType(text('<html>not a document</html>'), 'proposal.docx')).toBeNull();
    expect(sniffContentType(withTail(EXE), 'proposal.docx')).toBeNull();
  });

  it('refuses binary junk named as text (empty files are refused earlier, by the upload service)', () => {
    expect(sniffContentType(bytes(0x00, 0x01, 0x02), 'blob.txt')).toBeNull();
    expect(sniffContentType(bytes(0x7f, 0x45, 0x4c, 0x46, 0x02), 'program.txt')).toBeNull();
  });
});
