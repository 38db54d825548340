from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .tdkt_official_document_mixin import GROUP_OFFICE

# Quarters a review covers: the half-year review the first two.
PERIOD_QUARTERS = {"half_year": ("1", "2"), "year": ("1", "2", "3", "4")}
OUTCOMES = ("done_on_time", "done_late", "overdue", "not_applicable", "pending")


class TdktPlanReview(models.Model):
    """Half-year or year-end review report (báo cáo sơ kết / tổng kết) of a plan.

    An official document whose header, recipients and signer start from its
    plan's. The results are a snapshot of the plan's tasks at the reference
    date, stored as lines (``tdkt.plan.review.line``) by section. Later
    features add their own sections by extending ``_review_line_vals`` and the
    line's ``section`` selection, and their paragraphs through the printout's
    named blocks.
    """

    _name = "tdkt.plan.review"
    _description = "Plan Review Report"
    _inherit = ["tdkt.official.document.mixin"]
    _order = "year desc, period desc, id desc"
    _tdkt_document_type = "BC"
    _tdkt_print_prefix = "BC"
    _tdkt_report = "tdkt_emulation.action_report_tdkt_plan_review"
    _tdkt_states = ("draft", "issued", "cancelled")
    _tdkt_signed_states = ("issued",)
    _tdkt_header_from = "plan_id"

    plan_id = fields.Many2one(
        "tdkt.plan",
        required=True,
        index=True,
        ondelete="restrict",
        # No check_company: the agency is the plan's own (related), and the
        # record rules already keep the choice within the user's agencies.
        domain="[('state', 'in', ('issued', 'closed'))]",
        tracking=True,
    )
    company_id = fields.Many2one(
        related="plan_id.company_id", store=True, precompute=True
    )
    year = fields.Integer(related="plan_id.year", store=True, precompute=True)
    period = fields.Selection(
        [("half_year", "Half-Year Review"), ("year", "Year-End Review")],
        required=True,
        default="half_year",
        tracking=True,
    )
    name = fields.Char(
        compute="_compute_name",
        store=True,
        readonly=False,
        precompute=True,
    )
    date_reference = fields.Date(
        string="Results as of",
        required=True,
        default=fields.Date.context_today,
        help="Tasks are counted as they stood on this day.",
    )
    # --- free text written by the Office -------------------------------------------
    results = fields.Html(string="Results Achieved")
    shortcomings = fields.Html(string="Shortcomings and Causes")
    next_direction = fields.Html(string="Direction for the Next Period")
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

    # --- results -------------------------------------------------------------
    @api.model
    def _task_outcome(self, task, day):
        """How a task stood on ``day``: one of OUTCOMES."""
        if task.state == "not_applicable":
            return "not_applicable"
        if task.state == "done" and task.done_date and task.done_date <= day:
            return "done_late" if task.is_done_late else "done_on_time"
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
        if self.period == "year":
            vals += self._review_award_vals()
        return vals

    def _review_award_vals(self):
        """The awards conferred for the year (award history), by title and
        by who decided them (the agency or a higher level)."""
        self.ensure_one()
        groups = self.env["tdkt.award.record"]._read_group(
            [("company_id", "=", self.company_id.id), ("year", "=", self.year)],
            ["award_type_id", "issuer_level", "subject"],
            ["__count"],
        )
        counts = {}
        for award, level, subject, count in groups:
            row = counts.setdefault((award, level), {"collective": 0, "individual": 0})
            row[subject] += count
        ordered = sorted(
            counts,
            key=lambda key: (key[1] != "own", key[0].sequence, key[0].id),
        )
        return [
            {
                "review_id": self.id,
                "section": "award",
                "sequence": sequence,
                "award_type_id": award.id,
                "issuer_level": level,
                "collective_count": counts[award, level]["collective"],
                "individual_count": counts[award, level]["individual"],
            }
            for sequence, (award, level) in enumerate(ordered, start=1)
        ]

    def _review_counts_vals(self, counts, **vals):
        vals.update(
            review_id=self.id,
            task_count=sum(counts.values()),
            **{f"{outcome}_count": counts[outcome] for outcome in OUTCOMES},
        )
        return vals

    def _compute_results(self):
        """Replace the result lines by a fresh count of the plan's tasks.

        sudo: result lines are written by the system only (no group may
        create, change or delete them); the callers checked the rights on
        the report, and a draft report is the only one recomputed.
        """
        lines = self.env["tdkt.plan.review.line"].sudo()  # sudo: see docstring
        lines.search([("review_id", "in", self.ids)]).unlink()
        lines.create([vals for review in self for vals in review._review_line_vals()])

    # --- lifecycle ------------------------------------------------------------
    def action_compute_results(self):
        self._tdkt_check_group(GROUP_OFFICE, self.env._("compute review results"))
        if any(review.state != "draft" for review in self):
            raise UserError(self.env._("Only draft review reports can be recomputed."))
        self._compute_results()
        return True

    # --- printout ------------------------------------------------------------
    def _tdkt_print_lines(self, section):
        self.ensure_one()
        return self.line_ids.filtered(lambda line: line.section == section).sorted(
            "sequence"
        )

    def _tdkt_print_late_tasks(self):
        """The tasks of the period completed after their deadline by the
        reference day, in the plan's order."""
        self.ensure_one()
        day = self.date_reference or fields.Date.context_today(self)
        return self._review_tasks().filtered(
            lambda task: task.is_done_late and task.done_date <= day
        )

    def _tdkt_print_plan_reference(self):
        """'Kế hoạch số 01/KH-TTr ngày 05/01/2024 của Thanh tra tỉnh'."""
        self.ensure_one()
        plan = self.plan_id
        text = f"Kế hoạch số {plan.document_number}"
        if plan.issue_date:
            text += f" ngày {plan.issue_date.strftime('%d/%m/%Y')}"
        return text
