import { handleTrpcRequest } from '@/server/trpc/handle-trpc-request';

// Served here under `next dev` (hot reload); the production server answers /api/trpc before Next does.
export { handleTrpcRequest as GET, handleTrpcRequest as POST };
