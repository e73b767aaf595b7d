import type { App } from '../../server/module.ts';
import { getContract } from './get-contract.ts';
import { listContracts } from './list-contracts.ts';
import { presentContract } from './present.ts';
import { ContractListQuery, ContractListResponse, ContractParams, ContractResponse } from './schemas.ts';

const tags = ['contracts'];

export function registerContractRoutes(app: App): void {
  app.get(
    '/api/contracts',
    {
      schema: {
        tags,
        summary: 'Your contracts, as client or freelancer, newest first',
        querystring: ContractListQuery,
        response: { 200: ContractListResponse },
      },
      config: { auth: 'user' },
    },
    async (req) => {
      const page = await listContracts(req.ctx, req.query);
      return { items: page.items.map(presentContract), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/contracts/:id',
    {
      schema: {
        tags,
        summary: 'A contract with its terms, milestones and escrow balance (parties and operators)',
        params: ContractParams,
        response: { 200: ContractResponse },
      },
      config: { auth: 'user' },
    },
    async (req) => presentContract(await getContract(req.ctx, req.params.id)),
  );
}
