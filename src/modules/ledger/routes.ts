import type { App } from '../../server/module.ts';
import { listMyBalances } from './list-my-balances.ts';
import { listTransfers } from './list-transfers.ts';
import { operatorReverseTransfer } from './operator-reverse-transfer.ts';
import { presentBalance, presentTransfer } from './present.ts';
import {
  LedgerBalancesResponse,
  LedgerTransferListQuery,
  LedgerTransferListResponse,
  LedgerTransferParams,
  LedgerTransferResponse,
  ReverseTransferRequest,
} from './schemas.ts';

const tags = ['ledger'];

export function registerLedgerRoutes(app: App): void {
  app.get(
    '/api/ledger/balances',
    {
      schema: {
        tags,
        summary: 'My ledger accounts and their balances',
        response: { 200: LedgerBalancesResponse },
      },
      config: { auth: 'user' },
    },
    async (req) => ({ accounts: (await listMyBalances(req.ctx)).map(presentBalance) }),
  );

  app.get(
    '/api/operator/ledger/transfers',
    {
      schema: {
        tags,
        summary: 'Every ledger transfer, newest first (operators)',
        querystring: LedgerTransferListQuery,
        response: { 200: LedgerTransferListResponse },
      },
      config: { auth: 'operator' },
    },
    async (req) => {
      const page = await listTransfers(req.ctx, req.query);
      return { items: page.items.map(presentTransfer), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/operator/ledger/transfers/:transferId/reverse',
    {
      schema: {
        tags,
        summary: 'Reverse a transfer posted in error with its exact opposite (operators; Idempotency-Key required)',
        params: LedgerTransferParams,
        body: ReverseTransferRequest,
        response: { 201: LedgerTransferResponse },
      },
      config: { auth: 'operator', idempotent: true },
    },
    async (req, reply) => {
      const reversal = await operatorReverseTransfer(req.ctx, {
        transferId: req.params.transferId,
        requestKey: req.idempotencyKey ?? '',
        memo: req.body.memo,
      });
      return reply.status(201).send(presentTransfer(reversal));
    },
  );
}
