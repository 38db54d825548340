from odoo import api, fields, models
from odoo.exceptions import ValidationError


class TdktUnit(models.Model):
    """A unit as a plan names it: lead or cooperating unit of a task.

    Each unit points to the real record behind it, so that the same unit can
    be printed exactly as the plan writes it ("Văn phòng Thanh tra tỉnh",
    "Thanh tra các sở, ban, ngành") and still be resolved to the people who
    must act on it.
    """

    _name = "tdkt.unit"
    _description = "Emulation Unit"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=False, index="trigram")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    unit_type = fields.Selection(
        [
            ("department", "Department"),
            ("department_group", "Group of Departments"),
            ("council", "E&C Council"),
            ("cluster", "Emulation Cluster"),
            ("agency", "Agency"),
            ("external", "Outside Agencies"),
        ],
        string="Type",
        required=True,
        default="department",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        default=lambda self: self.env.company,
        index=True,
        help="Agency whose plans use this unit. Leave empty to share it.",
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Departments",
        check_company=True,
        help="Departments whose staff act for this unit.",
    )
    agency_id = fields.Many2one(
        "res.company",
        string="Agency Record",
        help="The agency this unit stands for, when it is an agency of this Odoo.",
    )
    partner_ids = fields.Many2many(
        "res.partner",
        string="Outside Agencies",
        help="Agencies outside this Odoo that this unit names.",
    )
    cluster_ids = fields.Many2many(
        "tdkt.cluster",
        string="Clusters",
        help="The emulation clusters this unit names (a unit of type cluster).",
    )
    user_ids = fields.Many2many(
        "res.users",
        "tdkt_unit_user_rel",
        "unit_id",
        "user_id",
        string="Members",
        help="People who act for this unit besides the departments' staff, "
        "e.g. the council's members.",
    )
    member_user_ids = fields.Many2many(
        "res.users",
        "tdkt_unit_member_user_rel",
        "unit_id",
        "user_id",
        string="Acting Users",
        compute="_compute_member_user_ids",
        store=True,
        help="Users who may update the tasks of this unit: the members and "
        "the users of the departments' employees.",
    )
    registrar_user_ids = fields.Many2many(
        "res.users",
        "tdkt_unit_registrar_user_rel",
        "unit_id",
        "user_id",
        string="Registration Officers",
        help="Staff the Office names to draft and submit the unit's emulation "
        "registrations, besides the heads of its departments.",
    )
    note = fields.Text()
    award_record_ids = fields.One2many(
        "tdkt.award.record",
        "unit_id",
        string="Awards",
        help="Titles and forms the unit received as a collective, year by year.",
    )

    next_eligible = fields.Text(
        compute="_compute_next_eligible",
        help="Titles and forms of a collective the unit may be proposed for "
        "next year, and what is missing.",
    )

    _sql_constraints = [
        (
            "name_company_uniq",
            "unique(name, company_id)",
            "A unit with this name already exists for this agency.",
        ),
    ]

    @api.constrains("unit_type", "cluster_ids")
    def _check_cluster_ids(self):
        for unit in self:
            if unit.cluster_ids and unit.unit_type != "cluster":
                raise ValidationError(
                    self.env._(
                        "Only a unit of type 'Emulation Cluster' names clusters: "
                        "'%(unit)s' is not one.",
                        unit=unit.name,
                    )
                )

    def _tdkt_is_registrar(self):
        """Whether the current user acts for this unit's registrations and
        proposals: the Office, the head of one of its departments, or staff
        the Office named for it."""
        self.ensure_one()
        user = self.env.user
        if self.env.su or user.has_group("tdkt_emulation.group_tdkt_office"):
            return True
        # sudo: the unit's heads are read through HR records Staff may not
        # read; only a yes or no comes back.
        unit = self.sudo()
        return user in unit.registrar_user_ids or user in (
            unit.department_ids.manager_id.user_id
        )

    @api.model
    def _tdkt_agency_units(self, company, members):
        """{cluster member: its unit of type agency in ``company``}: the
        unit found by the member's partner or its company in this Odoo,
        created when missing. The caller has checked that the user may
        bring these members in (the Office of a movement, the managers of
        a cluster's vote)."""
        # sudo: units are configured by the Administrator; only units of
        # type agency standing for ``members`` are found or added, for the
        # caller who checked its right.
        Unit = self.sudo()
        existing = Unit.search(
            [
                ("company_id", "=", company.id),
                ("unit_type", "=", "agency"),
                "|",
                ("partner_ids", "in", members.partner_id.ids),
                ("agency_id", "in", members.member_company_id.ids),
            ]
        )
        units = {}
        for member in members:
            unit = existing.filtered(
                lambda u, m=member: (
                    m.partner_id in u.partner_ids
                    or (m.member_company_id and u.agency_id == m.member_company_id)
                )
            )[:1]
            if not unit:
                unit = Unit.create(
                    {
                        "name": member.partner_id.name,
                        "company_id": company.id,
                        "unit_type": "agency",
                        "partner_ids": [(6, 0, member.partner_id.ids)],
                        "agency_id": member.member_company_id.id,
                    }
                )
                existing |= unit
            units[member] = unit
        return units

    @api.depends("award_record_ids", "unit_type")
    @api.depends_context("uid")
    def _compute_next_eligible(self):
        year = fields.Date.context_today(self).year + 1
        hints = self.env["tdkt.award.eligibility"]._tdkt_next_eligible_units(
            self.filtered("id"), year
        )
        for unit in self:
            unit.next_eligible = "\n".join(hints.get(unit.id, []))

    @api.depends("user_ids", "department_ids.member_ids.user_id")
    def _compute_member_user_ids(self):
        for unit in self:
            unit.member_user_ids = (
                unit.user_ids | unit.department_ids.member_ids.user_id
            )
