from collections import defaultdict
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .tdkt_official_document_mixin import (
    GROUP_OFFICE,
    TdktOfficialDocumentMixin,
    Transition,
)

GROUP_COUNCIL = "tdkt_emulation.group_tdkt_council"
# Registrations the roll-up counts: sent to the Office and not returned.
ROLLUP_STATES = ("submitted", "accepted")

MOVEMENT_KINDS = [
    ("regular", "Regular (yearly)"),
    ("thematic", "Thematic Drive"),
]
MOVEMENT_SCOPES = [
    ("units", "Units of the Agency"),
    ("cluster", "Emulation Cluster"),
    ("outside", "Outside Agencies it Organises"),
]
# Who registers in a movement of each scope: the agency's departments, or the
# member agencies (units of type "agency", one agency each).
REGISTRANT_TYPES = {"units": "department", "cluster": "agency", "outside": "agency"}


class TdktMovement(models.Model):
    """An emulation movement (Phong trào thi đua) and its launching plan.

    The launching plan ("Kế hoạch phát động") is an official document: it
    takes its number from the agency's register of plans (KH) when the
    Chief launches the movement. The movement then goes through review to
    its close. Units register for the titles it opens (tdkt.registration).
    """

    _name = "tdkt.movement"
    _description = "Emulation Movement"
    _inherit = ["tdkt.official.document.mixin"]
    _order = "year desc, id desc"
    _rec_names_search = ["name", "document_number"]
    _tdkt_document_type = "KH"
    _tdkt_print_prefix = "KHPD"
    _tdkt_report = "tdkt_emulation.action_report_tdkt_movement"
    _tdkt_states = ("draft", "launched", "reviewing", "closed", "cancelled")
    _tdkt_signed_states = ("launched", "reviewing", "closed")
    _tdkt_locked_states = ("launched", "reviewing", "closed", "cancelled")
    # The shared rows that fit (cancel and reset a draft), then the
    # movement's own moves.
    _tdkt_extra_transitions = (
        Transition(
            "launch",
            ("draft",),
            "launched",
            None,
            "_tdkt_check_ready",
            ("number", "date", "revision"),
        ),
        Transition("review", ("launched",), "reviewing", GROUP_OFFICE),
        Transition("close", ("reviewing",), "closed", None),
        Transition("reopen", ("closed",), "reviewing", None, reason=True),
        Transition("cancel", ("launched",), "cancelled", None, reason=True),
    )
    _tdkt_text_limits = {
        **TdktOfficialDocumentMixin._tdkt_text_limits,
        "slogan": 500,
        "theme": 5000,
        "content": 50000,
        "implementation": 50000,
    }

    company_id = fields.Many2one(default=lambda self: self.env.company)
    name = fields.Char(
        string="Movement",
        help="Name of the movement, e.g. 'Phong trào thi đua thực hiện thắng "
        "lợi nhiệm vụ công tác thanh tra năm 2024'.",
    )
    year = fields.Integer(default=lambda self: fields.Date.context_today(self).year)
    state = fields.Selection(
        selection_add=[
            ("launched", "Launched"),
            ("reviewing", "Under Review"),
            ("closed",),
        ],
        ondelete={"launched": "set default", "reviewing": "set default"},
    )
    kind = fields.Selection(
        MOVEMENT_KINDS, required=True, default="regular", tracking=True
    )
    slogan = fields.Char(help="Slogan of the movement (khẩu hiệu thi đua).")
    theme = fields.Text(help="What the movement is about.")
    date_start = fields.Date(string="Start")
    date_end = fields.Date(string="End")
    scope = fields.Selection(MOVEMENT_SCOPES, required=True, default="units")
    scope_unit_ids = fields.Many2many(
        "tdkt.unit",
        "tdkt_movement_scope_unit_rel",
        "movement_id",
        "unit_id",
        string="Units Taking Part",
        check_company=True,
        help="Units invited to register: departments of the agency (empty: every "
        "department), or for a cluster or outside agencies, the member "
        "agencies taking part.",
    )
    cluster_id = fields.Many2one(
        "tdkt.cluster",
        check_company=True,
        tracking=True,
        help="For a movement of an emulation cluster: its members of the "
        "movement's year take part.",
    )
    registrant_type = fields.Selection(
        [("department", "Department"), ("agency", "Member Agency")],
        string="Who Registers",
        compute="_compute_registrant_type",
    )
    content = fields.Html(string="Content and Targets")
    implementation = fields.Html()
    title_ids = fields.One2many(
        "tdkt.movement.title", "movement_id", string="Titles Open", copy=True
    )
    registration_deadline = fields.Date(tracking=True)
    proposal_deadline = fields.Date(tracking=True)
    plan_task_ids = fields.Many2many(
        "tdkt.plan.task",
        "tdkt_movement_plan_task_rel",
        "movement_id",
        "task_id",
        string="Plan Tasks",
        check_company=True,
        help="Tasks of the agency's plan this movement fulfils; launching the "
        "movement completes them.",
    )
    rule_ids = fields.Many2many(
        "tdkt.legal.rule",
        string="Registration Rules",
        compute="_compute_rule_ids",
        help="Rules of registration valid on the launch date (or on 1 January "
        "of the movement's year), each with its legal basis.",
    )
    registration_ids = fields.One2many(
        "tdkt.registration", "movement_id", string="Registrations"
    )
    registration_count = fields.Integer(compute="_compute_registration_stats")
    missing_unit_ids = fields.Many2many(
        "tdkt.unit",
        string="Units Not Registered",
        compute="_compute_registration_stats",
    )

    # --- computes ---------------------------------------------------------------
    @api.depends("scope")
    def _compute_registrant_type(self):
        for movement in self:
            movement.registrant_type = REGISTRANT_TYPES.get(
                movement.scope, "department"
            )

    def _tdkt_scope_units(self):
        """The units that register: those named, or every department of the
        agency for a movement of its own units."""
        self.ensure_one()
        if self.scope_unit_ids or self.registrant_type != "department":
            return self.scope_unit_ids
        return self.env["tdkt.unit"].search(
            [
                ("company_id", "in", (self.company_id.id, False)),
                ("unit_type", "=", "department"),
            ]
        )

    @api.depends("issue_date", "year", "title_ids.award_type_id")
    def _compute_rule_ids(self):
        Rule = self.env["tdkt.legal.rule"]
        for movement in self:
            day = movement.issue_date or (
                date(movement.year, 1, 1) if 2000 <= movement.year <= 2100 else None
            )
            if not day:
                movement.rule_ids = Rule
                continue
            awards = movement.title_ids.award_type_id
            rules = Rule.search(
                [
                    ("kind", "in", ("registration", "prerequisite", "deadline")),
                    ("valid_from", "<=", day),
                    "|",
                    ("valid_to", "=", False),
                    ("valid_to", ">=", day),
                ]
            )
            movement.rule_ids = rules.filtered(
                lambda r, a=awards: not r.award_type_ids or r.award_type_ids & a
            )

    @api.depends("registration_ids.unit_id", "scope_unit_ids", "scope")
    def _compute_registration_stats(self):
        counts = {}
        registered = {}
        if self.ids:
            for movement, unit, count in self.env["tdkt.registration"]._read_group(
                [("movement_id", "in", self.ids)],
                ["movement_id", "unit_id"],
                ["__count"],
            ):
                counts[movement.id] = counts.get(movement.id, 0) + count
                registered.setdefault(movement.id, set()).add(unit.id)
        for movement in self:
            movement.registration_count = counts.get(movement.id, 0)
            done = registered.get(movement.id, set())
            units = (
                movement._tdkt_scope_units() if movement.id else movement.scope_unit_ids
            )
            movement.missing_unit_ids = units.filtered(lambda u, d=done: u.id not in d)

    # --- constraints --------------------------------------------------------------
    @api.constrains(
        "registration_deadline", "proposal_deadline", "date_start", "date_end"
    )
    def _check_dates(self):
        for movement in self:
            if (
                movement.registration_deadline
                and movement.proposal_deadline
                and movement.proposal_deadline < movement.registration_deadline
            ):
                raise ValidationError(
                    self.env._(
                        "The proposal deadline of '%(movement)s' comes before its "
                        "registration deadline.",
                        movement=movement.name,
                    )
                )
            if (
                movement.date_start
                and movement.date_end
                and movement.date_end < movement.date_start
            ):
                raise ValidationError(
                    self.env._(
                        "The movement '%(movement)s' ends before it starts.",
                        movement=movement.name,
                    )
                )

    @api.constrains("scope", "scope_unit_ids")
    def _check_scope_units(self):
        for movement in self:
            wrong = movement.scope_unit_ids.filtered(
                lambda u, t=movement.registrant_type: u.unit_type != t
            )
            if not wrong:
                continue
            if movement.registrant_type == "department":
                message = self.env._(
                    "The movement '%(movement)s' is for the agency's own units: "
                    "'%(unit)s' is not one of its departments.",
                    movement=movement.name,
                    unit=wrong[0].name,
                )
            else:
                message = self.env._(
                    "The movement '%(movement)s' is for member agencies: "
                    "'%(unit)s' is not an agency.",
                    movement=movement.name,
                    unit=wrong[0].name,
                )
            raise ValidationError(message)

    def action_take_cluster_members(self):
        """The cluster's members of the movement's year take part: each as a
        member-agency unit of this agency (found by its partner or its
        company in this Odoo, created when missing)."""
        self.ensure_one()
        if not (self.env.su or self.env.user.has_group(GROUP_OFFICE)):
            raise AccessError(
                self.env._("Only the Office chooses who takes part in a movement.")
            )
        self.check_access("write")
        self._tdkt_check_editable()
        if self.scope != "cluster" or not self.cluster_id:
            raise UserError(self.env._("Choose the cluster of the movement first."))
        members = self.cluster_id.member_ids.filtered(
            lambda m, y=self.year: m.year == y
        )
        if not members:
            raise UserError(
                self.env._(
                    "The cluster '%(cluster)s' has no members in %(year)s.",
                    cluster=self.cluster_id.name,
                    year=self.year,
                )
            )
        units = self.env["tdkt.unit"]._tdkt_agency_units(self.company_id, members)
        units = self.env["tdkt.unit"].union(*units.values())
        self.scope_unit_ids = [(6, 0, units.ids)]
        return True

    # --- lifecycle ------------------------------------------------------------------
    def _tdkt_check_ready(self):
        for movement in self:
            problem = movement._tdkt_launch_problem()
            if problem:
                raise UserError(problem)
        return super()._tdkt_check_ready()

    def _tdkt_launch_problem(self):
        """What keeps the movement from being launched, or ''."""
        self.ensure_one()
        name = self.display_name
        if self.scope == "cluster" and not self.cluster_id:
            return self.env._(
                "The movement '%(movement)s' is a cluster's: choose the cluster.",
                movement=name,
            )
        if self.registrant_type == "agency" and not self.scope_unit_ids:
            return self.env._(
                "The movement '%(movement)s' is for a cluster or outside "
                "agencies: name the agencies taking part first.",
                movement=name,
            )
        if not self.title_ids:
            return self.env._(
                "The movement '%(movement)s' opens no title for "
                "registration: add the titles first.",
                movement=name,
            )
        if not self.registration_deadline:
            return self.env._(
                "The movement '%(movement)s' has no registration deadline.",
                movement=name,
            )
        return ""

    def _tdkt_action_label(self, action):
        labels = {
            "launch": self.env._("launch"),
            "review": self.env._("start the review of"),
        }
        return labels.get(action) or super()._tdkt_action_label(action)

    def _tdkt_post_transition(self, row, reason):
        result = super()._tdkt_post_transition(row, reason)
        if row.action == "launch":
            self._tdkt_complete_plan_tasks()
        return result

    def _tdkt_complete_plan_tasks(self):
        """Launching the movement completes the plan tasks it fulfils.

        Only tasks of issued plans progress; the launch was checked by the
        table (the Chief's group). sudo: the Chief completes tasks led by
        another unit, as the plan says the launch does.
        """
        tasks = self.plan_task_ids.filtered(
            lambda t: t.plan_state == "issued" and t.state in ("todo", "in_progress")
        )
        if tasks:
            tasks.sudo().write({"state": "done"})  # sudo: see docstring
            for task in tasks:
                task.sudo().message_post(  # sudo: see docstring
                    body=self.env._(
                        "Done: the movement '%(movement)s' was launched.",
                        movement=self.display_name,
                    )
                )

    def action_launch(self):
        return self._tdkt_do("launch")

    def action_review(self):
        return self._tdkt_do("review")

    # --- navigation ---------------------------------------------------------------
    def action_open_registrations(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "tdkt_emulation.tdkt_registration_action"
        )
        action.update(
            domain=[("movement_id", "=", self.id)],
            context={"default_movement_id": self.id},
            name=self.display_name,
        )
        return action

    def action_open_rollup(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "tdkt_emulation.tdkt_registration_line_action_rollup"
        )
        action.update(domain=[("movement_id", "=", self.id)], name=self.display_name)
        return action

    # --- printout ---------------------------------------------------------------
    def _tdkt_print_summary(self):
        """'Phát động phong trào thi đua …' under 'KẾ HOẠCH'."""
        self.ensure_one()
        name = (self.name or "").strip()
        if name[:1].isupper() and name.split(" ", 1)[0] in ("Phong", "Đợt"):
            name = name[:1].lower() + name[1:]
        return f"Phát động {name}"

    def _tdkt_print_deadlines(self):
        self.ensure_one()
        lines = []
        if self.registration_deadline:
            lines.append(
                "Các đơn vị gửi Bảng đăng ký thi đua về Văn phòng trước ngày "
                f"{self.registration_deadline.strftime('%d/%m/%Y')}."
            )
        if self.proposal_deadline:
            lines.append(
                "Hồ sơ đề nghị khen thưởng gửi về Văn phòng trước ngày "
                f"{self.proposal_deadline.strftime('%d/%m/%Y')}."
            )
        return lines

    # --- the Office's roll-up -------------------------------------------------------
    def _tdkt_check_rollup_access(self):
        user = self.env.user
        if not (
            self.env.su or user.has_group(GROUP_OFFICE) or user.has_group(GROUP_COUNCIL)
        ):
            raise AccessError(
                self.env._("Only the Office and the Council see the roll-up.")
            )
        self.check_access("read")

    def _tdkt_rollup_counts(self):
        """{(award, unit): count} of the individual lines and collective
        titles registered (submitted or accepted), in two grouped queries."""
        self.ensure_one()
        counts = defaultdict(int)
        for award, unit, count in self.env["tdkt.registration.line"]._read_group(
            [("movement_id", "=", self.id), ("state", "in", ROLLUP_STATES)],
            ["award_type_id", "unit_id"],
            ["__count"],
        ):
            counts[(award, unit)] += count
        for award, unit, count in self.env["tdkt.registration"]._read_group(
            [
                ("movement_id", "=", self.id),
                ("state", "in", ROLLUP_STATES),
                ("collective_award_type_id", "!=", False),
            ],
            ["collective_award_type_id", "unit_id"],
            ["__count"],
        ):
            counts[(award, unit)] += count
        return counts

    def _tdkt_rollup_table(self):
        """(units, rows): rows are (award, counts per unit, total), in the
        movement's order of titles."""
        self.ensure_one()
        counts = self._tdkt_rollup_counts()
        units = self._tdkt_scope_units() | self.env["tdkt.unit"].browse(
            {unit.id for _award, unit in counts}
        )
        units = units.sorted(lambda u: (u.sequence, u.name, u.id))
        rows = []
        for title in self.title_ids:
            values = [counts.get((title.award_type_id, unit), 0) for unit in units]
            rows.append((title.award_type_id, values, sum(values)))
        return units, rows

    def _tdkt_rollup_frame(self):
        """The roll-up prints in the official frame under the movement, as
        the Office's own table: no number of the register, today's date, no
        mark of draft, no recipients, signed by whoever made it."""
        self.ensure_one()
        return {
            "draft": False,
            "number": "",
            "date": self._tdkt_print_date(fields.Date.context_today(self)),
            "recipients": [],
            "signers": [("", "NGƯỜI TỔNG HỢP", self.env.user.name or "")],
        }
