from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .tdkt_plan import GROUP_CHIEF, GROUP_OFFICE, LOCK_FREE_PREFIXES

# Quarters a review covers: the half-year review the first two.
PERIOD_QUARTERS = {"half_year": ("1", "2"), "year": ("1", "2", "3", "4")}
OUTCOMES = ("done_on_time", "done_late", "overdue", "not_applicable", "pending")


class TdktPlanReview(models.Model):
    """Half-year or year-end review report (báo cáo sơ kết / tổng kết) of a plan.

    The results are a snapshot of the plan's tasks at the reference date,
    stored as lines (``tdkt.plan.review.line``) by section. Later features add
    their own sections by extending ``_review_line_vals`` and the line's
    ``section`` selection, and their paragraphs through the printout's named
    blocks.
    """

    _name = "tdkt.plan.review"
    _description = "Plan Review Report"
    _tdkt_document_type = "BC"
    _inherit = ["mail.thread", "tdkt.access.mixin", "tdkt.official.document"]
    _order = "year desc, period desc, id desc"
    _check_company_auto = True
    _tdkt_signed_states = ("issued",)

    plan_id = fields.Many2one(
        "tdkt.plan",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        domain="[('state', 'in', ('issued', 'closed'))]",
        tracking=True,
    )
    company_id = fields.Many2one(
        related="plan_id.company_id", string="Agency", store=True, index=True
    )
    year = fields.Integer(related="plan_id.year", string="Year", store=True, index=True)
    period = fields.Selection(
        [("half_year", "Half-Year Review"), ("year", "Year-End Review")],
        required=True,
        default="half_year",
        tracking=True,
    )
    name = fields.Char(
        string="Title",
        compute="_compute_name",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("issued", "Issued"), ("cancelled", "Cancelled")],
        string="Status",
        default="draft",
        required=True,
        copy=False,
        index=True,
        tracking=True,
    )
    date_reference = fields.Date(
        string="Results as of",
        required=True,
        default=fields.Date.context_today,
        help="Tasks are counted as they stood on this day.",
    )
    # --- document header ------------------------------------------------------
    agency_name = fields.Char(
        string="Agency Name in Header",
        compute="_compute_from_plan",
        store=True,
        readonly=False,
    )
    parent_agency_name = fields.Char(
        string="Parent Agency", compute="_compute_from_plan", store=True, readonly=False
    )
    place = fields.Char(compute="_compute_from_plan", store=True, readonly=False)
    number = fields.Integer(copy=False, tracking=True)
    symbol = fields.Char(compute="_compute_symbol", store=True)
    document_number = fields.Char(
        string="Number and Symbol", compute="_compute_symbol", store=True
    )
    issue_date = fields.Date(copy=False, tracking=True)
    # --- free text written by the Office -------------------------------------------
    results = fields.Html(string="Results Achieved")
    shortcomings = fields.Html(string="Shortcomings and Causes")
    next_direction = fields.Html(string="Direction for the Next Period")
    recipients = fields.Text(
        compute="_compute_from_plan",
        store=True,
        readonly=False,
        help="One recipient per line, as printed under 'Nơi nhận:'.",
    )
    # --- signature -----------------------------------------------------------
    signer_id = fields.Many2one(
        "hr.employee",
        compute="_compute_from_plan",
        store=True,
        readonly=False,
        check_company=True,
    )
    signer_name = fields.Char(compute="_compute_signer", store=True, readonly=False)
    signer_position = fields.Char(compute="_compute_signer", store=True, readonly=False)
    signing_authority = fields.Selection(
        selection=lambda self: (
            self.env["tdkt.plan"]._fields["signing_authority"].selection
        ),
        compute="_compute_from_plan",
        store=True,
        readonly=False,
    )
    authority_position = fields.Char(
        string="On Behalf Of", compute="_compute_from_plan", store=True, readonly=False
    )
    # --- results -------------------------------------------------------------
    line_ids = fields.One2many("tdkt.plan.review.line", "review_id", string="Results")
    task_count = fields.Integer(compute="_compute_totals", string="Tasks")
    done_on_time_count = fields.Integer(
        compute="_compute_totals", string="Done on Time"
    )
    done_late_count = fields.Integer(compute="_compute_totals", string="Done Late")
    overdue_count = fields.Integer(compute="_compute_totals", string="Overdue")
    not_applicable_count = fields.Integer(
        compute="_compute_totals", string="Not Applicable"
    )
    pending_count = fields.Integer(compute="_compute_totals", string="Not Yet Due")

    _sql_constraints = [
        (
            "number_uniq",
            "unique(company_id, year, number)",
            "Another review report of this agency already has this number.",
        ),
    ]

    # --- computes ------------------------------------------------------------
    @api.depends("plan_id", "period", "plan_id.year")
    def _compute_name(self):
        for review in self:
            year = review.plan_id.year or ""
            if review.period == "year":
                review.name = f"Tổng kết công tác thi đua, khen thưởng năm {year}"
            else:
                review.name = (
                    f"Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm {year}"
                )

    @api.depends("plan_id")
    def _compute_from_plan(self):
        for review in self:
            plan = review.plan_id
            review.agency_name = plan.agency_name
            review.parent_agency_name = plan.parent_agency_name
            review.place = plan.place
            review.recipients = "\n".join(plan.recipient_ids.mapped("name")) or False
            review.signer_id = plan.signer_id
            review.signing_authority = plan.signing_authority
            review.authority_position = plan.authority_position

    @api.depends("signer_id")
    def _compute_signer(self):
        for review in self:
            review.signer_name = review.signer_id.name or review.plan_id.signer_name
            position = review.signer_id.job_title
            review.signer_position = (
                position.upper() if position else review.plan_id.signer_position
            )

    @api.depends("line_ids")
    def _compute_totals(self):
        for review in self:
            lines = review.line_ids.filtered(lambda line: line.section == "quarter")
            review.task_count = sum(lines.mapped("task_count"))
            for outcome in OUTCOMES:
                review[f"{outcome}_count"] = sum(lines.mapped(f"{outcome}_count"))

    @api.constrains("plan_id", "period", "state")
    def _check_one_per_period(self):
        for review in self.filtered(lambda r: r.state != "cancelled"):
            if self.search_count(
                [
                    ("id", "!=", review.id),
                    ("plan_id", "=", review.plan_id.id),
                    ("period", "=", review.period),
                    ("state", "!=", "cancelled"),
                ],
                limit=1,
            ):
                raise ValidationError(
                    self.env._(
                        "The plan '%(plan)s' already has a review report for "
                        "this period.",
                        plan=review.plan_id.display_name,
                    )
                )

    # --- CRUD ---------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        self._tdkt_check_group(GROUP_OFFICE, self.env._("write review reports"))
        reviews = super().create(vals_list)
        reviews._compute_results()
        return reviews

    def write(self, vals):
        content = [
            name
            for name in vals
            if name != "state" and not name.startswith(LOCK_FREE_PREFIXES)
        ]
        if content:
            self._tdkt_check_group(GROUP_OFFICE, self.env._("write review reports"))
            locked = self.filtered(lambda r: r.state == "issued")
            if locked:
                raise UserError(
                    self.env._(
                        "The review report '%(review)s' is issued: its content can no "
                        "longer be changed.",
                        review=locked[0].display_name,
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_issued(self):
        if any(review.state == "issued" for review in self):
            raise UserError(
                self.env._(
                    "An issued review report cannot be deleted; cancel it instead."
                )
            )

    # --- results -------------------------------------------------------------
    @api.model
    def _task_outcome(self, task, day):
        """How a task stood on ``day``: one of OUTCOMES."""
        if task.state == "not_applicable":
            return "not_applicable"
        if task.state == "done" and task.done_date and task.done_date <= day:
            late = task.date_deadline and task.done_date > task.date_deadline
            return "done_late" if late else "done_on_time"
        if task.date_deadline and task.date_deadline < day:
            return "overdue"
        return "pending"

    def _review_tasks(self):
        self.ensure_one()
        return self.env["tdkt.plan.task"].search(
            [
                ("plan_id", "=", self.plan_id.id),
                ("quarter", "in", PERIOD_QUARTERS[self.period]),
            ]
        )

    def _review_line_vals(self):
        """Values of the result lines: by quarter, then by lead unit.

        Extend to add sections (registrations, awards…): call super() and
        append lines with their own ``section``.
        """
        self.ensure_one()
        day = self.date_reference or fields.Date.context_today(self)
        quarters = {
            quarter: dict.fromkeys(OUTCOMES, 0)
            for quarter in PERIOD_QUARTERS[self.period]
        }
        units = {}
        for task in self._review_tasks():
            outcome = self._task_outcome(task, day)
            quarters[task.quarter][outcome] += 1
            units.setdefault(task.lead_unit_id, dict.fromkeys(OUTCOMES, 0))[
                outcome
            ] += 1
        vals = []
        for sequence, (quarter, counts) in enumerate(quarters.items(), start=1):
            vals.append(
                self._review_counts_vals(
                    counts, section="quarter", sequence=sequence, quarter=quarter
                )
            )
        ordered = sorted(units, key=lambda u: (not u, u.sequence, u.name or "", u.id))
        for sequence, unit in enumerate(ordered, start=1):
            vals.append(
                self._review_counts_vals(
                    units[unit],
                    section="unit",
                    sequence=sequence,
                    unit_id=unit.id or False,
                )
            )
        return vals

    def _review_counts_vals(self, counts, **vals):
        vals.update(
            review_id=self.id,
            task_count=sum(counts.values()),
            **{f"{outcome}_count": counts[outcome] for outcome in OUTCOMES},
        )
        return vals

    def _compute_results(self):
        lines = self.env["tdkt.plan.review.line"]
        lines.search([("review_id", "in", self.ids)]).unlink()
        lines.create([vals for review in self for vals in review._review_line_vals()])

    # --- workflow ------------------------------------------------------------
    def action_compute_results(self):
        self._tdkt_check_group(GROUP_OFFICE, self.env._("compute review results"))
        if any(review.state != "draft" for review in self):
            raise UserError(self.env._("Only draft review reports can be recomputed."))
        self._compute_results()

    def action_issue(self):
        self._tdkt_check_group(GROUP_CHIEF, self.env._("issue review reports"))
        for review in self:
            if review.state != "draft":
                raise UserError(self.env._("Only draft review reports can be issued."))
            if not review.signer_name:
                raise UserError(
                    self.env._(
                        "The review report '%(review)s' has no signer.",
                        review=review.display_name,
                    )
                )
            vals = {"state": "issued"}
            if not review.number:
                vals["number"] = review._tdkt_next_number(
                    "tdkt.plan.review", "tdkt_emulation.seq_tdkt_plan_review"
                )
            if not review.issue_date:
                vals["issue_date"] = fields.Date.context_today(review)
            # Number and date in the same write as the state: the report is
            # still a draft when the lock is checked.
            review.write({k: v for k, v in vals.items() if k != "state"})
            review.write({"state": "issued"})

    def action_cancel(self):
        group = GROUP_CHIEF if "issued" in self.mapped("state") else GROUP_OFFICE
        self._tdkt_check_group(group, self.env._("cancel review reports"))
        self.write({"state": "cancelled"})

    def action_reset_to_draft(self):
        self._tdkt_check_group(GROUP_OFFICE, self.env._("reset review reports"))
        if any(review.state != "cancelled" for review in self):
            raise UserError(
                self.env._("Only cancelled review reports go back to draft.")
            )
        self.write({"state": "draft"})

    # --- printout ------------------------------------------------------------
    def _tdkt_print_recipients(self):
        self.ensure_one()
        return [
            line.strip()
            for line in (self.recipients or "").splitlines()
            if line.strip()
        ]

    def _tdkt_print_lines(self, section):
        self.ensure_one()
        return self.line_ids.filtered(lambda line: line.section == section).sorted(
            "sequence"
        )

    def _tdkt_print_plan_reference(self):
        """'Kế hoạch số 01/KH-TTr ngày 05/01/2024 của Thanh tra tỉnh'."""
        self.ensure_one()
        plan = self.plan_id
        text = f"Kế hoạch số {plan.document_number}"
        if plan.issue_date:
            text += f" ngày {plan.issue_date.strftime('%d/%m/%Y')}"
        return text
