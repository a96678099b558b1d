'use client';

import { ZAdminProblem, ZForkAdminProblemRequest } from '@prep/contracts';
import { api } from '../../lib/api/browser';
import { ForkButton } from './fork-button';

/** Fork: an editable draft copy of a (built-in) problem under a new slug; the original stays as it is. */
export function ForkProblemButton({ slug, title, small = false }: { slug: string; title: string; small?: boolean }) {
  return (
    <ForkButton
      slug={slug}
      title={title}
      small={small}
      idPrefix={`fork-${slug}`}
      initialTitle={title}
      description="An editable draft copy with its statement, code and tests. The original is not changed and learners' progress on it stays with it."
      schema={ZForkAdminProblemRequest}
      send={(body) => api.post(`/api/admin/problems/${slug}/fork`, ZAdminProblem, body)}
      pathOf={(data) => `/admin/problems/${data.problem.slug}`}
    />
  );
}
