import re

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from .tdkt_official_document_mixin import GROUP_OFFICE, TdktOfficialDocumentMixin

QUARTERS = [
    ("1", "Quarter I"),
    ("2", "Quarter II"),
    ("3", "Quarter III"),
    ("4", "Quarter IV"),
]


class TdktPlan(models.Model):
    """Yearly emulation and commendation plan (Kế hoạch).

    An official document (lifecycle, number, lock, signer, printout frame
    from ``tdkt.official.document.mixin``) whose body is its sections and its
    quarterly tasks.
    """

    _name = "tdkt.plan"
    _description = "Emulation and Commendation Plan"
    _inherit = ["tdkt.official.document.mixin"]
    _order = "year desc, number desc, id desc"
    _rec_names_search = ["name", "document_number"]
    _tdkt_document_type = "KH"
    _tdkt_print_prefix = "KH"
    _tdkt_report = "tdkt_emulation.action_report_tdkt_plan"
    _tdkt_text_limits = {
        **TdktOfficialDocumentMixin._tdkt_text_limits,
        "introduction": 5000,
    }
    _tdkt_citation_label = "Kế hoạch"

    company_id = fields.Many2one(default=lambda self: self.env.company)
    name = fields.Char(
        help="Summary line under the document type, e.g. 'Thực hiện công tác "
        "thi đua, khen thưởng năm 2024'.",
    )
    year = fields.Integer(default=lambda self: fields.Date.context_today(self).year)
    # --- body -------------------------------------------------------------------
    introduction = fields.Text(
        string="Preamble",
        help="Text that opens the plan, after the legal bases or instead of "
        "them ('Thực hiện Kế hoạch số …'); each line is a paragraph.",
    )
    template_id = fields.Many2one(
        "tdkt.plan.template",
        check_company=True,
        default=lambda self: self._default_template(),
        help="The sections a new plan starts from; the agency's default template "
        "unless another one is chosen.",
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

    @api.model
    def _default_template(self, company=None):
        """The agency's default template, or the shared one (the seed's)."""
        company = company or self.env.company
        return company.tdkt_plan_template_id or self.env.ref(
            "tdkt_emulation.tdkt_plan_template_default", raise_if_not_found=False
        )

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
        for vals in vals_list:
            if "template_id" not in vals:
                # The default of the plan's own agency, not the user's current one.
                company = self.env["res.company"].browse(vals.get("company_id"))
                vals["template_id"] = self._default_template(company or None).id
        plans = super().create([self._assign_quarters(vals) for vals in vals_list])
        for plan, vals in zip(plans, vals_list, strict=True):
            # A new plan's body starts from its template, unless given. (The
            # form sends an empty list for a new plan.)
            if plan.template_id and not vals.get("section_ids"):
                plan._tdkt_copy_sections(plan.template_id.section_ids)
        return plans

    def write(self, vals):
        return super().write(self._assign_quarters(vals))

    def copy_data(self, default=None):
        # A copy's sections are its original's (see the mixin's copy()), not
        # its template's.
        default = dict(default or {}, template_id=False)
        return super().copy_data(default)

    # --- lifecycle ------------------------------------------------------------------
    def _tdkt_check_ready(self):
        for plan in self:
            if not plan.task_ids:
                raise UserError(
                    self.env._(
                        "The plan '%(plan)s' has no tasks.", plan=plan.display_name
                    )
                )
            if "table" not in plan.section_ids.mapped("kind"):
                raise UserError(
                    self.env._(
                        "The plan '%(plan)s' has no section of kind 'Task Table': "
                        "its tasks would not be printed.",
                        plan=plan.display_name,
                    )
                )
        return super()._tdkt_check_ready()

    def action_close(self):
        """Closing a plan whose tasks are not all finished asks for a
        confirmation, with how many are left and why the plan closes."""
        for plan in self:
            plan._tdkt_check_move("close")
            stats = plan._task_stats()[plan.id]
            unfinished = stats.get("todo", 0) + stats.get("in_progress", 0)
            if unfinished and plan.state == "issued":
                return plan._tdkt_reason_dialog(
                    "close",
                    message=self.env._(
                        "%(count)s of the %(total)s tasks of '%(plan)s' are not "
                        "finished. Closing the plan ends its year: write why.",
                        count=unfinished,
                        total=sum(stats.values()),
                        plan=plan.display_name,
                    ),
                )
        return super().action_close()

    def _tdkt_hand_off(self, row, reason):
        """Once issued, the units' people follow their tasks and are told."""
        super()._tdkt_hand_off(row, reason)
        if row.to_state != "issued" or row.action != "issue":
            return
        tasks = self._tdkt_print_tasks()
        by_partners = {}
        for task in tasks:
            users = (
                task.lead_unit_id | task.cooperating_unit_ids
            ).member_user_ids | task.user_ids
            partners = users.filtered(lambda user: not user.share).partner_id
            by_partners.setdefault(partners, self.env["tdkt.plan.task"])
            by_partners[partners] |= task
        everyone = self.env["res.partner"]
        for partners, unit_tasks in by_partners.items():
            if partners:
                unit_tasks.message_subscribe(partner_ids=partners.ids)
                everyone |= partners
        if everyone:
            self.message_post(
                body=self.env._(
                    "The plan %(plan)s is issued: your units' tasks are in "
                    "'My Unit's Tasks'.",
                    plan=self.display_name,
                ),
                partner_ids=everyone.ids,
                message_type="notification",
                subtype_xmlid="mail.mt_comment",
            )

    def _check_content_editable(self):
        """The plan's tasks follow its lock (see tdkt.plan.task)."""
        self._tdkt_check_editable()

    # --- printout ---------------------------------------------------------------
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

    # --- review reports and next year -------------------------------------------
    def _open_review(self, period):
        """The plan's review report of ``period``: the one in progress, or a
        new one (Office)."""
        self.ensure_one()
        Review = self.env["tdkt.plan.review"]
        review = Review.search(
            [
                ("plan_id", "=", self.id),
                ("period", "=", period),
                ("state", "!=", "cancelled"),
            ],
            limit=1,
        )
        if not review:
            if self.state not in ("issued", "closed"):
                raise UserError(
                    self.env._(
                        "A review report is written for an issued plan; '%(plan)s' "
                        "is not issued yet.",
                        plan=self.display_name,
                    )
                )
            review = Review.create({"plan_id": self.id, "period": period})
        return review._tdkt_form_action()

    def action_half_year_review(self):
        return self._open_review("half_year")

    def action_year_review(self):
        return self._open_review("year")

    def _next_year_text(self, text):
        """``text`` with this plan's year replaced by the next one."""
        if not text:
            return text
        return re.sub(rf"\b{self.year}\b", str(self.year + 1), text)

    def action_roll_over(self):
        """'Plan next year': a new draft with this plan's body, tasks, units,
        recipients and signer, its year mentions moved one year on."""
        self.ensure_one()
        self._tdkt_check_group(GROUP_OFFICE, self.env._("plan the next year"))
        bump = self._next_year_text
        tasks = self._tdkt_print_tasks()
        plan = self.copy(
            {
                "year": self.year + 1,
                "name": bump(self.name),
                "introduction": bump(self.introduction),
                "section_ids": [],
                "task_ids": [
                    Command.create(
                        {
                            "quarter": task.quarter,
                            "row_number": task.row_number,
                            "name": bump(task.name),
                            "lead_unit_id": task.lead_unit_id.id,
                            "cooperating_unit_ids": task.cooperating_unit_ids.ids,
                            "is_conditional": task.is_conditional,
                            "user_ids": task.user_ids.ids,
                        }
                    )
                    for task in tasks
                ],
            }
        )
        plan._tdkt_copy_sections(self.section_ids, bump)
        plan.message_post(
            body=self.env._("Planned from %(plan)s.", plan=self.display_name)
        )
        return plan._tdkt_form_action()

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
