// The GraphQL operations the adapter sends. Named, with variables only (no text built from data), so a query can
// never be changed by what a repository contains. Field names follow GitHub's public schema.

/** The commit fields the compare walk needs, with the PR that introduced the commit. */
const COMMIT_FIELDS = `
  oid
  url
  authoredDate
  committedDate
  message
  author { name user { login } }
  parents(first: 3) { nodes { oid } }
  associatedPullRequests(first: 1) { nodes { id number } }`;

/** One page of deployments with their statuses and the start of each deployed commit's history. */
export const DEPLOYMENTS_QUERY = `query DoraDeployments($owner: String!, $name: String!, $environments: [String!], $first: Int!, $after: String, $statusesFirst: Int!, $historyDepth: Int!) {
  repository(owner: $owner, name: $name) {
    deployments(environments: $environments, first: $first, after: $after, orderBy: {field: CREATED_AT, direction: DESC}) {
      pageInfo { hasNextPage endCursor }
      nodes {
        databaseId
        commitOid
        createdAt
        environment
        task
        description
        payload
        ref { name }
        creator { login }
        statuses(first: $statusesFirst) { pageInfo { hasNextPage } nodes { state createdAt description logUrl } }
        commit {
          id
          history(first: $historyDepth) { pageInfo { hasNextPage } nodes {${COMMIT_FIELDS} } }
        }
      }
    }
  }
}`;

/** Deeper history for commits whose compare did not close within the first page. */
export const HISTORY_QUERY = `query DoraCommitHistory($ids: [ID!]!, $depth: Int!) {
  nodes(ids: $ids) {
    ... on Commit {
      id
      oid
      history(first: $depth) { pageInfo { hasNextPage } nodes {${COMMIT_FIELDS} } }
    }
  }
}`;

/** The PR of commits that came from a REST compare (which carries their node ids). */
export const COMMIT_PULLS_QUERY = `query DoraCommitPulls($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on Commit {
      oid
      associatedPullRequests(first: 1) { nodes { id number } }
    }
  }
}`;

/** PR details: the first commit (which a squash merge hides), the first review, labels and closed issues. */
export const PULLS_QUERY = `query DoraPullRequests($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on PullRequest {
      number
      title
      url
      body
      createdAt
      mergedAt
      headRefName
      baseRefName
      author { login }
      mergeCommit { oid }
      labels(first: 20) { nodes { name } }
      reviews(first: 1) { nodes { submittedAt } }
      commits(first: 1) { nodes { commit { authoredDate } } }
      closingIssuesReferences(first: 10) { nodes { number } }
    }
  }
}`;

export const TAGS_QUERY = `query DoraTags($owner: String!, $name: String!, $first: Int!, $after: String) {
  repository(owner: $owner, name: $name) {
    refs(refPrefix: "refs/tags/", first: $first, after: $after, orderBy: {field: TAG_COMMIT_DATE, direction: DESC}) {
      pageInfo { hasNextPage endCursor }
      nodes {
        name
        target {
          __typename
          ... on Commit { oid committedDate }
          ... on Tag { target { ... on Commit { oid committedDate } } }
        }
      }
    }
  }
}`;
