"""Clusters at province scale, for the query-budget tests and ``make bench``
(which loads this file by path): only the ORM, no import from odoo.tests.

``build_clusters`` makes ``clusters`` clusters of ``members`` agencies each,
headed by ``company`` (so that its Office enters the final scores), each with
a signed 2024 covenant of ``groups`` x ``per_group`` criteria plus a bonus and
a penalty item, every score entered (self, cross-inspection, final); with
``publish`` the scores are published and ranked.
"""

GRID_LIMIT = 80


def build_clusters(
    env,
    company,
    clusters=1,
    members=4,
    groups=2,
    per_group=3,
    publish=False,
    name="Cụm đo tải",
):
    env = env(su=True, context=dict(env.context, tracking_disable=True))
    organiser = env["res.partner"].create(
        {"name": "Cơ quan tổ chức", "is_company": True}
    )
    partners = env["res.partner"].create(
        [
            {"name": f"Cơ quan {name} {index:04d}", "is_company": True}
            for index in range(clusters * (members - 1))
        ]
    )
    records = env["tdkt.cluster"].create(
        [
            {
                "name": f"{name} {number:02d}",
                "organiser_id": organiser.id,
                "company_id": company.id,
                "member_ids": [
                    (
                        0,
                        0,
                        {
                            "year": 2024,
                            "sequence": index,
                            "partner_id": partner.id,
                            "role": ("head", "deputy")[index]
                            if index < 2
                            else "member",
                        },
                    )
                    for index, partner in enumerate(
                        company.partner_id
                        | partners[
                            number * (members - 1) : (number + 1) * (members - 1)
                        ]
                    )
                ],
            }
            for number in range(clusters)
        ]
    )
    covenants = env["tdkt.cluster.covenant"].create(
        [
            {"cluster_id": cluster.id, "year": 2024, "place": "Lạng Sơn"}
            for cluster in records
        ]
    )
    Criterion = env["tdkt.cluster.criterion"]
    group_records = Criterion.create(
        [
            {
                "covenant_id": covenant.id,
                "sequence": index,
                "name": f"Nhóm tiêu chí {index + 1}",
                "max_points": 10 * per_group,
            }
            for covenant in covenants
            for index in range(groups)
        ]
    )
    Criterion.create(
        [
            {
                "covenant_id": group.covenant_id.id,
                "parent_id": group.id,
                "sequence": index,
                "name": f"{group.name} - tiêu chí {index + 1}",
                "max_points": 10,
            }
            for group in group_records
            for index in range(per_group)
        ]
        + [
            {
                "covenant_id": covenant.id,
                "sequence": 90 + index,
                "name": name,
                "kind": kind,
                "max_points": 10,
            }
            for covenant in covenants
            for index, (name, kind) in enumerate(
                (("Điểm thưởng", "bonus"), ("Điểm trừ", "penalty"))
            )
        ]
    )
    for covenant in covenants:
        covenant.action_sign()
    scores = covenants.score_ids.sorted("id")
    for step in range(5):
        value = 10 - step
        scores[step::5].write(
            {"self_score": value, "cross_score": value, "final_score": value}
        )
    if publish:
        for covenant in covenants:
            covenant.action_publish()
    env.flush_all()
    return covenants


def list_spec(env, model_name, view_ref, arch_spec):
    """The web client's specification of a list view (``arch_spec`` from
    webclient.py)."""
    from lxml import etree

    model = env[model_name]
    views = model.get_views([(env.ref(view_ref).id, "list")])
    return arch_spec(env, model, etree.fromstring(views["views"]["list"]["arch"]))


def load_grid(model, spec, domain, group_by="partner_id"):
    """Open the scoring grid grouped by member, then the first member's rows,
    as the web client does."""
    groups = model.web_read_group(
        domain,
        ["self_score:sum", "cross_score:sum", "final_score:sum"],
        [group_by],
        lazy=True,
    )["groups"]
    first = groups[0]["__domain"] if groups else domain
    return model.web_search_read(first, spec, limit=GRID_LIMIT)["records"]


def load_ranking(model, spec, domain):
    """The ranking list, ungrouped: members by cluster and rank."""
    return model.web_search_read(
        domain, spec, limit=GRID_LIMIT, order="year desc, cluster_id, rank"
    )["records"]
