import { Spinner } from '@/components/ui/card';

export default function AdminLoading() {
  return (
    <div className="flex justify-center py-16">
      <Spinner label="Loading page" />
    </div>
  );
}
