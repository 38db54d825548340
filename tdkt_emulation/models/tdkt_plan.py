import re

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

GROUP_OFFICE = "tdkt_emulation.group_tdkt_office"
GROUP_CHIEF = "tdkt_emulation.group_tdkt_chief"

# Content is frozen once the plan leaves the drafting stages.
LOCKED_STATES = ("issued", "closed", "cancelled")
# Fields that may change on a locked plan: its state and the chatter's.
LOCK_FREE_PREFIXES = ("message_", "activity_", "website_message_")
QUARTERS = [
    ("1", "Quarter I"),
    ("2", "Quarter II"),
    ("3", "Quarter III"),
    ("4", "Quarter IV"),
]


class TdktPlan(models.Model):
    _name = "tdkt.plan"
    _description = "Emulation and Commendation Plan"
    _tdkt_document_type = "KH"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "tdkt.access.mixin",
        "tdkt.official.document",
    ]
    _order = "year desc, number desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["name", "document_number"]

    # --- header -------------------------------------------------------------
    name = fields.Char(
        string="Title",
        required=True,
        tracking=True,
        help="Summary line under the document type, e.g. 'Thực hiện công tác "
        "thi đua, khen thưởng năm 2024'.",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    agency_name = fields.Char(
        string="Agency Name in Header",
        compute="_compute_agency_names",
        store=True,
        readonly=False,
    )
    parent_agency_name = fields.Char(
        string="Parent Agency",
        compute="_compute_agency_names",
        store=True,
        readonly=False,
    )
    year = fields.Integer(
        required=True,
        index=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self).year,
    )
    number = fields.Integer(
        copy=False,
        tracking=True,
        help="Number in the agency's yearly register. Taken from the yearly "
        "sequence when the plan is issued, if left empty.",
    )
    symbol = fields.Char(compute="_compute_symbol", store=True)
    document_number = fields.Char(
        string="Number and Symbol", compute="_compute_symbol", store=True, index=True
    )
    place = fields.Char(
        compute="_compute_place",
        store=True,
        readonly=False,
    )
    issue_date = fields.Date(copy=False, tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("issued", "Issued"),
            ("closed", "Closed"),
            ("cancelled", "Cancelled"),
        ],
        string="Status",
        default="draft",
        required=True,
        copy=False,
        index=True,
        tracking=True,
    )
    # --- body -------------------------------------------------------------------
    legal_basis_ids = fields.One2many(
        "tdkt.plan.legal.basis", "plan_id", string="Legal Bases", copy=True
    )
    introduction = fields.Text(
        help="Sentence that opens the plan, after the legal bases."
    )
    purposes = fields.Html()
    requirements = fields.Html()
    implementation = fields.Html()
    recipient_ids = fields.One2many(
        "tdkt.plan.recipient", "plan_id", string="Recipients", copy=True
    )
    task_ids = fields.One2many("tdkt.plan.task", "plan_id", string="Tasks", copy=True)
    task_q1_ids = fields.One2many(
        "tdkt.plan.task",
        "plan_id",
        string="Tasks of Quarter I",
        domain=[("quarter", "=", "1")],
    )
    task_q2_ids = fields.One2many(
        "tdkt.plan.task",
        "plan_id",
        string="Tasks of Quarter II",
        domain=[("quarter", "=", "2")],
    )
    task_q3_ids = fields.One2many(
        "tdkt.plan.task",
        "plan_id",
        string="Tasks of Quarter III",
        domain=[("quarter", "=", "3")],
    )
    task_q4_ids = fields.One2many(
        "tdkt.plan.task",
        "plan_id",
        string="Tasks of Quarter IV",
        domain=[("quarter", "=", "4")],
    )
    # --- signature -----------------------------------------------------------
    signer_id = fields.Many2one("hr.employee", tracking=True, check_company=True)
    signer_name = fields.Char(compute="_compute_signer", store=True, readonly=False)
    signer_position = fields.Char(
        compute="_compute_signer",
        store=True,
        readonly=False,
        help="Position printed above the signature, e.g. 'CHÁNH THANH TRA'.",
    )
    signing_authority = fields.Selection(
        [
            ("tm", "TM. (on behalf of the collective)"),
            ("q", "Q. (acting)"),
            ("kt", "KT. (deputy signing for the head)"),
            ("tl", "TL. (signing by order)"),
            ("tuq", "TUQ. (signing by authorisation)"),
        ],
        help="Authority prefix when the signer does not sign as the head "
        "(Decree 30/2020).",
    )
    authority_position = fields.Char(
        string="On Behalf Of",
        help="Position of the head the signer signs for, e.g. 'CHÁNH THANH "
        "TRA' under 'KT.'.",
    )
    # --- progress -------------------------------------------------------------
    task_count = fields.Integer(compute="_compute_task_stats")
    task_done_count = fields.Integer(compute="_compute_task_stats", string="Done Tasks")
    task_overdue_count = fields.Integer(
        compute="_compute_task_stats", string="Overdue Tasks"
    )
    progress = fields.Float(
        compute="_compute_progress",
        store=True,
        aggregator="avg",
        help="Done tasks out of the applicable ones (tasks not applicable "
        "are left out), in percent.",
    )

    # --- computes ---------------------------------------------------------------
    @api.depends("company_id")
    def _compute_agency_names(self):
        for plan in self:
            company = plan.company_id
            plan.agency_name = company.tdkt_header_name or company.name
            plan.parent_agency_name = (
                company.tdkt_parent_agency_name or company.parent_id.name or False
            )

    @api.depends("company_id")
    def _compute_place(self):
        for plan in self:
            company = plan.company_id
            plan.place = company.tdkt_place_name or company.city or False

    @api.depends("signer_id")
    def _compute_signer(self):
        for plan in self:
            plan.signer_name = plan.signer_id.name or False
            position = plan.signer_id.job_title
            plan.signer_position = position.upper() if position else False

    @api.depends("name", "document_number", "number")
    def _compute_display_name(self):
        for plan in self:
            if plan.number:
                plan.display_name = f"{plan.document_number} - {plan.name}"
            else:
                plan.display_name = plan.name or ""

    def _task_stats(self):
        """Counts of tasks per plan and state, in one query."""
        stats = {plan.id: {} for plan in self}
        if not self.ids:
            return stats
        groups = self.env["tdkt.plan.task"]._read_group(
            [("plan_id", "in", self.ids)], ["plan_id", "state"], ["__count"]
        )
        for plan, state, count in groups:
            stats[plan.id][state] = count
        return stats

    def _compute_task_stats(self):
        stats = self._task_stats()
        overdue = (
            dict(
                self.env["tdkt.plan.task"]._read_group(
                    [("plan_id", "in", self.ids), ("is_overdue", "=", True)],
                    ["plan_id"],
                    ["__count"],
                )
            )
            if self.ids
            else {}
        )
        for plan in self:
            counts = stats.get(plan.id, {})
            plan.task_count = sum(counts.values())
            plan.task_done_count = counts.get("done", 0)
            plan.task_overdue_count = overdue.get(plan, 0)

    @api.depends("task_ids.state")
    def _compute_progress(self):
        stats = self._task_stats()
        for plan in self:
            counts = stats.get(plan.id, {})
            applicable = sum(counts.values()) - counts.get("not_applicable", 0)
            plan.progress = (
                100.0 * counts.get("done", 0) / applicable if applicable else 0.0
            )

    # --- constraints and onchanges -------------------------------------------
    @api.constrains("year")
    def _check_year(self):
        for plan in self:
            if not 2000 <= plan.year <= 2100:
                raise ValidationError(
                    self.env._(
                        "The year %(year)s of a plan is not valid.", year=plan.year
                    )
                )

    @api.constrains("number", "year", "company_id")
    def _check_number_unique(self):
        for plan in self.filtered("number"):
            duplicate = self.search_count(
                [
                    ("id", "!=", plan.id),
                    ("company_id", "=", plan.company_id.id),
                    ("year", "=", plan.year),
                    ("number", "=", plan.number),
                ],
                limit=1,
            )
            if duplicate:
                raise ValidationError(
                    self.env._(
                        "Another plan of %(agency)s already has the number "
                        "%(number)s for %(year)s.",
                        agency=plan.company_id.name,
                        number=plan.document_number,
                        year=plan.year,
                    )
                )

    @api.constrains("number")
    def _check_number_positive(self):
        if any(plan.number < 0 for plan in self):
            raise ValidationError(self.env._("A plan number cannot be negative."))

    def _default_title(self, year):
        return self.env._(
            "Implementing emulation and commendation work in %(year)s", year=year
        )

    @api.onchange("year")
    def _onchange_year(self):
        # Propose the usual title, and follow the year while it is untouched.
        pattern = re.escape(self._default_title("YEAR")).replace("YEAR", r"\d+")
        if self.year and (not self.name or re.fullmatch(pattern, self.name)):
            self.name = self._default_title(self.year)

    # --- CRUD -------------------------------------------------------------------
    @api.model
    def _assign_quarters(self, vals):
        """A task added through a quarter's list belongs to that quarter."""
        for quarter in "1234":
            for command in vals.get(f"task_q{quarter}_ids") or []:
                if command[0] == Command.CREATE:
                    command[2]["quarter"] = quarter
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        return super().create([self._assign_quarters(vals) for vals in vals_list])

    def write(self, vals):
        self._assign_quarters(vals)
        # Rights first: a user who may not write gets an access error, not a
        # message about the plan's status.
        self.check_access("write")
        content = [
            name
            for name in vals
            if name != "state" and not name.startswith(LOCK_FREE_PREFIXES)
        ]
        if content:
            self._check_content_editable()
        if "state" in vals:
            self._check_state_change(vals["state"])
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_issued(self):
        if any(plan.state in ("issued", "closed") for plan in self):
            raise UserError(
                self.env._("An issued plan cannot be deleted; cancel it instead.")
            )

    # --- workflow -----------------------------------------------------------------
    def _check_content_editable(self):
        locked = self.filtered(lambda plan: plan.state in LOCKED_STATES)
        if locked:
            states = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "The plan '%(plan)s' is %(state)s: its content can no longer "
                    "be changed.",
                    plan=locked[0].display_name,
                    state=states[locked[0].state].lower(),
                )
            )

    def _check_state_change(self, new_state):
        """Who may move a plan into which state; used by write() itself so a
        direct write over RPC follows the same rule as the buttons."""
        if new_state in ("issued", "closed") or (
            new_state == "cancelled" and "issued" in self.mapped("state")
        ):
            self._tdkt_check_group(
                GROUP_CHIEF, self.env._("issue, close or cancel issued plans")
            )
        else:
            self._tdkt_check_group(
                GROUP_OFFICE, self.env._("change the status of plans")
            )

    def _check_ready(self):
        for plan in self:
            if not plan.task_ids:
                raise UserError(
                    self.env._(
                        "The plan '%(plan)s' has no tasks.", plan=plan.display_name
                    )
                )
            if not plan.signer_id or not plan.signer_name:
                raise UserError(
                    self.env._(
                        "The plan '%(plan)s' has no signer.", plan=plan.display_name
                    )
                )

    def _check_from(self, *states):
        for plan in self:
            if plan.state not in states:
                raise UserError(
                    self.env._(
                        "The plan '%(plan)s' cannot do this in its current status.",
                        plan=plan.display_name,
                    )
                )

    def action_submit(self):
        self._tdkt_check_group(GROUP_OFFICE, self.env._("submit plans"))
        self._check_from("draft")
        self._check_ready()
        self.write({"state": "submitted"})

    def action_issue(self):
        self._tdkt_check_group(GROUP_CHIEF, self.env._("issue plans"))
        self._check_from("draft", "submitted")
        self._check_ready()
        for plan in self:
            vals = {"state": "issued"}
            if not plan.number:
                vals["number"] = plan._tdkt_next_number(
                    "tdkt.plan", "tdkt_emulation.seq_tdkt_plan"
                )
            if not plan.issue_date:
                vals["issue_date"] = fields.Date.context_today(plan)
            # Number and date go in the same write as the state: the plan is
            # still a draft when the content check runs.
            plan.write(vals)
            plan.message_post(
                body=self.env._(
                    "Plan issued as %(number)s.", number=plan.document_number
                )
            )

    def action_close(self):
        self._tdkt_check_group(GROUP_CHIEF, self.env._("close plans"))
        self._check_from("issued")
        self.write({"state": "closed"})

    def action_cancel(self):
        self._check_from("draft", "submitted", "issued")
        self.write({"state": "cancelled"})

    def action_reset_to_draft(self):
        self._check_from("submitted", "cancelled")
        self.write({"state": "draft"})

    # --- printout ---------------------------------------------------------------
    def _tdkt_print_legal_bases(self):
        """The legal bases as the plan prints them: 'Căn cứ A; B; C.'"""
        self.ensure_one()
        bases = [
            basis.strip().rstrip(";.").strip()
            for basis in self.legal_basis_ids.mapped("name")
            if basis and basis.strip()
        ]
        return f"Căn cứ {'; '.join(bases)}." if bases else ""

    def _tdkt_print_tasks(self):
        """The tasks in the plan's order, read in one go for a printout.

        Reading them field by field would go by batches of 1,000 records: a
        plan of 2,500 tasks would then cost more queries than one of 25.
        """
        tasks = self.task_ids
        tasks.fetch(
            [
                "quarter",
                "row_number",
                "name",
                "lead_unit_id",
                "cooperating_unit_ids",
                "date_deadline",
                "state",
                "done_date",
                "result_note",
            ]
        )
        (tasks.lead_unit_id | tasks.cooperating_unit_ids).fetch(["name", "sequence"])
        return tasks.sorted(lambda t: (t.quarter, t.row_number, t.id))

    def _tdkt_print_quarters(self):
        """(Roman numeral, tasks) of each quarter, in order, empty ones too."""
        self.ensure_one()
        tasks = self._tdkt_print_tasks()
        return [
            (
                self._tdkt_print_roman(quarter),
                tasks.filtered(lambda t, q=quarter: t.quarter == q),
            )
            for quarter, _label in QUARTERS
        ]

    # --- navigation ---------------------------------------------------------------
    def action_open_tasks(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "tdkt_emulation.tdkt_plan_task_action"
        )
        action.update(
            domain=[("plan_id", "=", self.id)],
            context={"default_plan_id": self.id, "group_by": ["quarter"]},
            name=self.display_name,
        )
        return action

    def action_open_overdue_tasks(self):
        action = self.action_open_tasks()
        action["domain"] = [("plan_id", "=", self.id), ("is_overdue", "=", True)]
        return action
