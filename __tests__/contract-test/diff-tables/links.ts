import { LINK_CHECKS } from '../../../actions/contract-test/src/diff/links.js';
import { diffTable, oas, op, type Doc } from '../diff-table.js';

// Response links (OAS 3): the next call a hypermedia client makes.
const linked = (links: Doc) =>
  oas({ '/orders': { post: op({ responses: { '201': { description: 'created', links } } }) } });
const byId = { operationId: 'getOrder', parameters: { id: '$response.body#/id' } };

export default diffTable('links', LINK_CHECKS, {
  reports: [
    {
      base: linked({ GetOrder: byId }),
      head: linked({}),
      id: 'response-link-removed',
      path: '/orders',
      method: 'post',
      message: 'link "GetOrder" of response 201 of POST /orders was removed'
    },
    {
      base: linked({ GetOrder: byId }),
      head: linked({ GetOrder: { ...byId, operationId: 'fetchOrder' } }),
      id: 'response-link-target-changed',
      message: '"GetOrder"'
    },
    {
      base: linked({ GetOrder: byId }),
      head: linked({ GetOrder: { ...byId, parameters: { id: '$response.body#/orderId' } } }),
      id: 'response-link-values-changed',
      message: 'parameters of link "GetOrder"'
    },
    { base: linked({}), head: linked({ GetOrder: byId }), id: 'response-link-added', message: '"GetOrder"' }
  ],
  accepts: [
    // A link that only gained a description calls the same operation with the same values.
    { base: linked({ GetOrder: byId }), head: linked({ GetOrder: { ...byId, description: 'x' } }) }
  ]
});
