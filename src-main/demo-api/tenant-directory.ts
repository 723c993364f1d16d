/**
 * The demo tenant tree: a readable base tree four levels deep, plus generated tenants
 * under "Scale Test Group" when `--tenants N` asks for more. Built once at start in O(N) so that
 * 100 000 tenants are ready in well under a second; per-tenant data is generated lazily elsewhere.
 *
 *   tn-nevent (platform root)
 *   ├─ tn-acme ─ tn-acme-es ─ tn-acme-madrid ─ tn-acme-madrid-arena
 *   │          │            ├ tn-acme-barcelona, tn-acme-valencia
 *   │          ├ tn-acme-fr ─ tn-acme-paris, tn-acme-lyon
 *   │          ├ tn-acme-pt ─ tn-acme-lisbon, tn-acme-porto
 *   │          └ tn-ole (Olé Producciones, a Spanish promoter: its data is in Spanish)
 *   │                   ─ tn-ole-malaga, tn-ole-logrono, tn-ole-coruna, tn-ole-cadiz
 *   ├─ tn-globex ─ tn-globex-de ─ …   ├─ tn-initech ─ …   ├─ tn-solo-studio
 *   └─ tn-scale ─ tn-gen-000000 … (only with --tenants above the base size)
 */
import type { DemoTenant } from './demo-records';
import { SeededRandom } from './prng';

/** The platform root: SUPERADMIN's home. */
export const platformRootId = 'tn-nevent';

interface TenantSeed {
  slug: string;
  name: string;
  /** Set on a group: it and everything under it keep their data in this language. */
  language?: 'es';
  children?: TenantSeed[];
}

const baseTree: TenantSeed = {
  slug: 'nevent',
  name: 'Nevent Platform',
  children: [
    {
      slug: 'acme',
      name: 'Acme Group',
      children: [
        {
          slug: 'acme-es',
          name: 'Acme Spain',
          children: [
            { slug: 'acme-madrid', name: 'Acme Madrid', children: [{ slug: 'acme-madrid-arena', name: 'Acme Madrid Arena' }] },
            { slug: 'acme-barcelona', name: 'Acme Barcelona' },
            { slug: 'acme-valencia', name: 'Acme Valencia' },
          ],
        },
        { slug: 'acme-fr', name: 'Acme France', children: [{ slug: 'acme-paris', name: 'Acme Paris' }, { slug: 'acme-lyon', name: 'Acme Lyon' }] },
        { slug: 'acme-pt', name: 'Acme Portugal', children: [{ slug: 'acme-lisbon', name: 'Acme Lisbon' }, { slug: 'acme-porto', name: 'Acme Porto' }] },
        // Names as Nevent's Spanish users write them: accents and ñ, for search and layout to meet.
        {
          slug: 'ole',
          name: 'Olé Producciones',
          language: 'es',
          children: [
            { slug: 'ole-malaga', name: 'Sala Málaga Centro' },
            { slug: 'ole-logrono', name: 'Auditorio de Logroño' },
            { slug: 'ole-coruna', name: 'Coliseo A Coruña' },
            { slug: 'ole-cadiz', name: 'Gran Teatro de Cádiz' },
          ],
        },
      ],
    },
    {
      slug: 'globex',
      name: 'Globex Events',
      children: [
        { slug: 'globex-de', name: 'Globex Germany', children: [{ slug: 'globex-berlin', name: 'Globex Berlin' }, { slug: 'globex-munich', name: 'Globex Munich' }] },
        { slug: 'globex-uk', name: 'Globex United Kingdom', children: [{ slug: 'globex-london', name: 'Globex London' }, { slug: 'globex-manchester', name: 'Globex Manchester' }] },
      ],
    },
    {
      slug: 'initech',
      name: 'Initech Live',
      children: [
        { slug: 'initech-it', name: 'Initech Italy', children: [{ slug: 'initech-milan', name: 'Initech Milan' }, { slug: 'initech-rome', name: 'Initech Rome' }] },
        { slug: 'initech-mx', name: 'Initech Mexico', children: [{ slug: 'initech-cdmx', name: 'Initech Mexico City' }, { slug: 'initech-guadalajara', name: 'Initech Guadalajara' }] },
      ],
    },
    { slug: 'solo-studio', name: 'Solo Studio' },
  ],
};

/** Tenants generated per scale parent: a wide, shallow tree like real platforms. */
const scaleFanout = 20;
const scaleBrands = ['Northwind', 'Blue Harbor', 'Sunset', 'Riverside', 'Aurora', 'Granite', 'Lumen', 'Cedar', 'Vertex', 'Harbor Lights'];
const scaleCities = ['Sevilla', 'Bilbao', 'Nantes', 'Lille', 'Hamburg', 'Cologne', 'Leeds', 'Bristol', 'Turin', 'Naples', 'Puebla', 'Braga', 'Ghent', 'Utrecht'];

/** Read-only access to the tenant tree. */
export class TenantDirectory {
  private readonly byId = new Map<string, DemoTenant>();
  private readonly childrenById = new Map<string, DemoTenant[]>();
  /** Every tenant in tree (pre-)order. */
  private readonly ordered: DemoTenant[] = [];

  /** `totalTenants`: generate extra tenants until the tree holds this many (never fewer than the base tree). */
  constructor(totalTenants = 0) {
    const flat: DemoTenant[] = [];
    const walk = (seed: TenantSeed, parentId: string | null, level: number, inherited?: 'es'): void => {
      const language = seed.language ?? inherited;
      const tenant: DemoTenant = { id: `tn-${seed.slug}`, key: seed.slug, name: seed.name, parentId, level, ...(language === undefined ? {} : { language }) };
      // Like the real API, most records carry no slug: only the groups have one (and a domain).
      if (level === 1) {
        tenant.slug = seed.slug;
        tenant.domain = `${seed.slug}.nevent.es`;
      }
      flat.push(tenant);
      for (const child of seed.children ?? []) walk(child, tenant.id, level + 1, language);
    };
    walk(baseTree, null, 0);
    const extra = totalTenants - flat.length;
    if (extra > 0) flat.push(...generateScaleTenants(extra));
    for (const tenant of flat) {
      this.byId.set(tenant.id, tenant);
      if (tenant.parentId !== null) {
        const siblings = this.childrenById.get(tenant.parentId);
        if (siblings === undefined) this.childrenById.set(tenant.parentId, [tenant]);
        else siblings.push(tenant);
      }
    }
    this.collectPreorder(platformRootId, this.ordered);
  }

  /** Number of tenants. */
  get size(): number {
    return this.ordered.length;
  }

  /** The platform root. */
  get root(): DemoTenant {
    return this.require(platformRootId);
  }

  /** A tenant by id, or undefined. */
  get(id: string): DemoTenant | undefined {
    return this.byId.get(id);
  }

  /** A tenant that must exist (ids from our own tables). */
  require(id: string): DemoTenant {
    const tenant = this.byId.get(id);
    if (tenant === undefined) throw new Error(`demo data refers to unknown tenant ${id}`);
    return tenant;
  }

  /** Direct children, in display order. */
  children(id: string): readonly DemoTenant[] {
    return this.childrenById.get(id) ?? [];
  }

  /** Every tenant in tree order. */
  all(): readonly DemoTenant[] {
    return this.ordered;
  }

  /** A tenant and all its descendants, in tree order. */
  subtree(id: string): DemoTenant[] {
    const out: DemoTenant[] = [];
    this.collectPreorder(id, out);
    return out;
  }

  /** True when `ancestorId` is `id` or one of its ancestors. */
  isWithin(id: string, ancestorId: string): boolean {
    let current = this.byId.get(id);
    // Bounded by the tree depth: parent links never cycle (built top-down above).
    while (current !== undefined) {
      if (current.id === ancestorId) return true;
      current = current.parentId === null ? undefined : this.byId.get(current.parentId);
    }
    return false;
  }

  private collectPreorder(id: string, out: DemoTenant[]): void {
    // Iterative: generated trees can be deep enough to make recursion a risk.
    const stack: DemoTenant[] = [];
    const start = this.byId.get(id);
    if (start !== undefined) stack.push(start);
    while (stack.length > 0) {
      const tenant = stack.pop() as DemoTenant;
      out.push(tenant);
      const kids = this.childrenById.get(tenant.id) ?? [];
      for (let i = kids.length - 1; i >= 0; i -= 1) stack.push(kids[i] as DemoTenant);
    }
  }
}

function generateScaleTenants(count: number): DemoTenant[] {
  const group: DemoTenant = { id: 'tn-scale', key: 'scale', name: 'Scale Test Group', slug: 'scale', parentId: platformRootId, level: 1 };
  const out: DemoTenant[] = [group];
  const rng = new SeededRandom('scale-tenants');
  for (let i = 0; i < count - 1; i += 1) {
    const parent = i < scaleFanout ? group : (out[1 + Math.floor((i - scaleFanout) / scaleFanout)] as DemoTenant);
    const number = String(i).padStart(6, '0');
    out.push({
      id: `tn-gen-${number}`,
      name: `${rng.pick(scaleBrands)} ${rng.pick(scaleCities)} ${number}`,
      key: `gen-${number}`,
      parentId: parent.id,
      level: parent.level + 1,
    });
  }
  return out;
}
