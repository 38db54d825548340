from datetime import date, timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from .tdkt_official_document_mixin import GROUP_OFFICE, LOCK_FREE_PREFIXES
from .tdkt_plan import QUARTERS

# What a Staff member may change on the tasks of its unit: their progress.
PROGRESS_FIELDS = {"state", "result_note", "not_applicable_reason", "user_ids"}
# Set by write() itself when the state changes.
COMPLETION_FIELDS = {"done_date", "done_by_id", "is_done_late", "days_late"}
# Tasks can be overdue only once their plan is issued.
OVERDUE_PLAN_STATES = ("issued", "closed")
# A change to one of these fields moves or redraws the task's kanban card:
# the assigned users' web clients are told (bus notification).
CARD_FIELDS = {"state", "quarter", "name", "user_ids", "date_deadline", "result_note"}
CARD_NOTIFICATION = "tdkt.plan.task/updated"
QUARTER_END = {"1": (3, 31), "2": (6, 30), "3": (9, 30), "4": (12, 31)}


class TdktPlanTask(models.Model):
    _name = "tdkt.plan.task"
    _description = "Plan Task"
    _inherit = ["mail.thread", "mail.activity.mixin", "tdkt.access.mixin"]
    _order = "plan_id, quarter, row_number, id"
    _check_company_auto = True
    _tdkt_text_limits = {
        "name": 2000,
        "result_note": 20000,
        "not_applicable_reason": 2000,
    }

    plan_id = fields.Many2one(
        "tdkt.plan",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        related="plan_id.company_id", string="Agency", store=True, index=True
    )
    year = fields.Integer(related="plan_id.year", store=True, index=True)
    # Not tracked: the plan's chatter tells its status, not each task's.
    plan_state = fields.Selection(
        related="plan_id.state",
        string="Plan Status",
        store=True,
        index=True,
        tracking=False,
    )
    quarter = fields.Selection(
        QUARTERS,
        required=True,
        default="1",
        index=True,
        tracking=True,
        group_expand=True,
    )
    # Not named 'sequence': the web client would take that as the kanban's
    # handle and renumber the plan's rows on every drag between columns.
    row_number = fields.Integer(
        string="No.",
        default=0,
        help="Row number of the task within its quarter (STT).",
    )
    name = fields.Text(string="Content", required=True, tracking=True)
    lead_unit_id = fields.Many2one(
        "tdkt.unit", index=True, tracking=True, check_company=True
    )
    cooperating_unit_ids = fields.Many2many(
        "tdkt.unit",
        "tdkt_plan_task_cooperating_unit_rel",
        "task_id",
        "unit_id",
        string="Cooperating Units",
        check_company=True,
    )
    cooperating_units_text = fields.Char(
        string="Cooperating Units (as printed)",
        compute="_compute_cooperating_units_text",
    )
    is_conditional = fields.Boolean(
        string="If Any",
        help="The plan writes this task with '(nếu có)': it may turn out not "
        "to apply, and can then be closed as not applicable.",
    )
    state = fields.Selection(
        [
            ("todo", "To Do"),
            ("in_progress", "In Progress"),
            ("done", "Done"),
            ("not_applicable", "Not Applicable"),
        ],
        string="Status",
        default="todo",
        required=True,
        copy=False,
        index=True,
        tracking=True,
        group_expand=True,
    )
    not_applicable_reason = fields.Text(string="Why Not Applicable", copy=False)
    date_deadline = fields.Date(
        string="Deadline",
        compute="_compute_date_deadline",
        store=True,
        readonly=False,
        tracking=True,
    )
    user_ids = fields.Many2many(
        "res.users",
        "tdkt_plan_task_user_rel",
        "task_id",
        "user_id",
        string="Responsible",
    )
    done_date = fields.Date(readonly=True, copy=False)
    done_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    is_done_late = fields.Boolean(
        string="Done Late",
        compute="_compute_days_late",
        store=True,
        help="The task was completed after its deadline.",
    )
    days_late = fields.Integer(
        compute="_compute_days_late",
        store=True,
        help="How many days after its deadline the task was completed.",
    )
    result_note = fields.Html(string="Result", copy=False)
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )
    is_my_unit = fields.Boolean(
        string="My Unit's Task",
        compute="_compute_is_my_unit",
        search="_search_is_my_unit",
    )
    is_current_quarter = fields.Boolean(
        string="This Quarter",
        compute="_compute_is_current_quarter",
        search="_search_is_current_quarter",
    )
    color = fields.Integer()
    can_update_progress = fields.Boolean(
        compute="_compute_can_update_progress",
        help="Whether the current user may update this task's progress now "
        "(its plan is issued, and the user is of the Office or acts for one of "
        "its units); drives the buttons and the editable fields.",
    )
    movement_ids = fields.Many2many(
        "tdkt.movement",
        "tdkt_movement_plan_task_rel",
        "task_id",
        "movement_id",
        string="Movements",
        readonly=True,
        help="Emulation movements that fulfil this task; launching them completes it.",
    )

    # --- computes ---------------------------------------------------------------
    @api.depends("quarter", "plan_id.year")
    def _compute_date_deadline(self):
        for task in self:
            if task.quarter and task.plan_id.year:
                month, day = QUARTER_END[task.quarter]
                task.date_deadline = date(task.plan_id.year, month, day)

    @api.depends("state", "done_date", "date_deadline")
    def _compute_days_late(self):
        for task in self:
            late = (
                task.state == "done"
                and task.done_date
                and task.date_deadline
                and (task.done_date - task.date_deadline).days
            )
            task.days_late = max(late or 0, 0)
            task.is_done_late = task.days_late > 0

    @api.depends("cooperating_unit_ids.name", "cooperating_unit_ids.sequence")
    def _compute_cooperating_units_text(self):
        for task in self:
            names = task.cooperating_unit_ids.sorted(
                lambda u: (u.sequence, u.name, u.id)
            ).mapped("name")
            if len(names) > 1:
                task.cooperating_units_text = self.env._(
                    "%(units)s and %(last)s",
                    units="; ".join(names[:-1]),
                    last=names[-1],
                )
            else:
                task.cooperating_units_text = names[0] if names else False

    @api.depends("date_deadline", "state", "plan_state")
    @api.depends_context("tz")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for task in self:
            # A plan not issued yet has nothing overdue (a fresh draft for
            # next year, a plan still being written).
            task.is_overdue = bool(
                task.date_deadline
                and task.date_deadline < today
                and task.state in ("todo", "in_progress")
                and task.plan_state in OVERDUE_PLAN_STATES
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported."))
        domain = [
            ("date_deadline", "<", fields.Date.context_today(self)),
            ("state", "in", ("todo", "in_progress")),
            ("plan_state", "in", OVERDUE_PLAN_STATES),
        ]
        if (operator == "=") == value:
            return domain
        return ["!", "&", "&", *domain]

    @api.model
    def _my_unit_ids(self):
        """Ids of the units the current user acts for (one query).

        sudo: unit membership is read through employees and departments,
        which a Staff user may not read; only ids of units come back.
        """
        units = self.env["tdkt.unit"].sudo()  # sudo: unit ids only
        return set(units.search([("member_user_ids", "in", self.env.uid)]).ids)

    @api.depends("lead_unit_id", "cooperating_unit_ids", "user_ids")
    @api.depends_context("uid")
    def _compute_is_my_unit(self):
        # The user's units in one query, then ids only: reading each unit's
        # members would cost several queries per kanban column.
        units = self._my_unit_ids()
        uid = self.env.uid
        for task in self:
            task_units = task.lead_unit_id.ids + task.cooperating_unit_ids.ids
            task.is_my_unit = uid in task.user_ids.ids or not units.isdisjoint(
                task_units
            )

    def _search_is_my_unit(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported."))
        units = list(self._my_unit_ids())
        domain = [
            "|",
            "|",
            ("lead_unit_id", "in", units),
            ("cooperating_unit_ids", "in", units),
            ("user_ids", "in", self.env.uid),
        ]
        if (operator == "=") == value:
            return domain
        return ["!", *domain]

    @api.depends("plan_state", "is_my_unit")
    @api.depends_context("uid")
    def _compute_can_update_progress(self):
        office = self.env.user.has_group(GROUP_OFFICE)
        for task in self:
            task.can_update_progress = task.plan_state == "issued" and (
                office or task.is_my_unit
            )

    def _check_progress_rights(self):
        """A Staff member updates only the tasks of their own unit: say so in
        their words before the record rules refuse it."""
        if self.env.su or self.env.user.has_group(GROUP_OFFICE):
            return
        others = self.filtered(lambda task: not task.is_my_unit)
        if others:
            task = others[0]
            raise AccessError(
                self.env._(
                    "The task '%(task)s' is led by %(unit)s; you can only update "
                    "the tasks of your own unit.",
                    task=task.name,
                    unit=task.lead_unit_id.name or self.env._("another unit"),
                )
            )

    def _today_quarter(self):
        today = fields.Date.context_today(self)
        return today.year, str((today.month - 1) // 3 + 1)

    @api.depends("year", "quarter")
    @api.depends_context("tz")
    def _compute_is_current_quarter(self):
        year, quarter = self._today_quarter()
        for task in self:
            task.is_current_quarter = task.year == year and task.quarter == quarter

    def _search_is_current_quarter(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported."))
        year, quarter = self._today_quarter()
        domain = [("year", "=", year), ("quarter", "=", quarter)]
        if (operator == "=") == value:
            return domain
        return ["!", "&", *domain]

    # --- constraints --------------------------------------------------------------
    @api.constrains("date_deadline", "plan_id")
    def _check_date_deadline(self):
        for task in self:
            if task.date_deadline and task.date_deadline.year != task.plan_id.year:
                raise ValidationError(
                    self.env._(
                        "The deadline %(deadline)s of the task '%(task)s' is outside "
                        "the plan's year %(year)s.",
                        deadline=task.date_deadline.strftime("%d/%m/%Y"),
                        task=task.name,
                        year=task.plan_id.year,
                    )
                )

    @api.constrains("state", "is_conditional", "not_applicable_reason")
    def _check_not_applicable(self):
        for task in self.filtered(lambda t: t.state == "not_applicable"):
            if not task.is_conditional:
                raise ValidationError(
                    self.env._(
                        "Only a task marked 'if any' can be closed as not "
                        "applicable: '%(task)s'.",
                        task=task.name,
                    )
                )
            if not (task.not_applicable_reason or "").strip():
                raise ValidationError(
                    self.env._(
                        "Give the reason why the task '%(task)s' is not applicable.",
                        task=task.name,
                    )
                )

    # --- CRUD -------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        # Rights before the plan's status, so the error says what is wrong.
        self.check_access("create")
        self._tdkt_check_vals(vals_list)
        plans = self.env["tdkt.plan"].browse(
            {vals["plan_id"] for vals in vals_list if vals.get("plan_id")}
        )
        plans._check_content_editable()
        for index, vals in enumerate(vals_list):
            if not self.env.su and COMPLETION_FIELDS & set(vals):
                raise UserError(self._completion_message())
            if not vals.get("row_number"):
                # Without an explicit row number, a new task goes last.
                vals["row_number"] = 10**6 + index
            if vals.get("state", "todo") != "todo":
                raise UserError(
                    self.env._(
                        "A new task starts as 'To Do'; its plan is not issued yet."
                    )
                )
        tasks = super().create(vals_list)
        tasks._renumber()
        return tasks

    def write(self, vals):
        self._tdkt_check_vals([vals])
        self._check_write(vals)
        if "state" in vals:
            vals = self._completion_values(vals)
        moved = self.filtered(
            lambda t: "quarter" in vals and t.quarter != vals["quarter"]
        )
        old_plans = self.plan_id
        if moved and "row_number" not in vals:
            # A task moved to another quarter goes to the end of that quarter.
            vals = dict(vals, row_number=10**6)
        # sudo: the assignees' partners are only read to address the live
        # update (before the change too: an unassigned user's card must go).
        notify = CARD_FIELDS & set(vals)
        before = (
            # sudo: partners only
            {task.id: task.sudo().user_ids.partner_id for task in self}
            if notify
            else {}
        )
        result = super().write(vals)
        if {"quarter", "row_number", "plan_id"} & set(vals):
            (self | old_plans.task_ids)._renumber()
        if notify:
            self._notify_assignees(before)
        return result

    def _notify_assignees(self, before=None):
        """Live update of the kanban: tell the assigned users a task changed.

        The bus notification goes to the partner of every user assigned to
        the task. The web client subscribes to its user's partner channel on
        every websocket (bus's ir.websocket), so whatever node of the cluster
        serves the write, the gevent process that holds the user's websocket
        gets it through PostgreSQL's NOTIFY.
        """
        for task in self:
            partners = task.sudo().user_ids.partner_id  # see write()
            if before:
                partners |= before.get(task.id, partners.browse())
            partners._bus_send(
                CARD_NOTIFICATION,
                {
                    "id": task.id,
                    "plan_id": task.plan_id.id,
                    "state": task.state,
                    "quarter": task.quarter,
                },
            )

    def _completion_message(self):
        return self.env._(
            "The completion date and who completed a task are recorded "
            "automatically when it is marked done."
        )

    def unlink(self):
        self.check_access("unlink")
        self.plan_id._check_content_editable()
        plans = self.plan_id
        result = super().unlink()
        plans.task_ids._renumber()
        return result

    def _check_write(self, vals):
        # The completion stamp is the system's (data files may set it).
        if not self.env.su and COMPLETION_FIELDS & set(vals):
            raise UserError(self._completion_message())
        fields_written = {
            name for name in vals if not name.startswith(LOCK_FREE_PREFIXES)
        } - {"color"}
        content = fields_written - PROGRESS_FIELDS - COMPLETION_FIELDS
        self._check_progress_rights()
        if fields_written - PROGRESS_FIELDS and not (
            self.env.su or self.env.user.has_group(GROUP_OFFICE)
        ):
            raise AccessError(
                self.env._(
                    "Only the Office may change the content of tasks; you may "
                    "update their progress."
                )
            )
        if "quarter" in vals and any(
            task.plan_state != "draft"
            for task in self
            if task.quarter != vals["quarter"]
        ):
            raise UserError(
                self.env._(
                    "Tasks can move to another quarter only while their plan "
                    "is a draft."
                )
            )
        if content - {"date_deadline", "quarter"}:
            self.plan_id._check_content_editable()
            if vals.get("plan_id"):
                self.env["tdkt.plan"].browse(vals["plan_id"])._check_content_editable()
        if "state" in vals:
            not_issued = self.filtered(
                lambda t: t.plan_state != "issued" and t.state != vals["state"]
            )
            if not_issued:
                raise UserError(
                    self.env._(
                        "The task '%(task)s' cannot change status: its plan is not "
                        "issued (tasks progress only on issued plans).",
                        task=not_issued[0].name,
                    )
                )
        if "date_deadline" in vals:
            locked = self.filtered(lambda t: t.plan_state in ("closed", "cancelled"))
            if locked:
                locked.plan_id._check_content_editable()

    def _completion_values(self, vals):
        vals = dict(vals)
        if vals["state"] == "done":
            if not self.env.su or "done_date" not in vals:
                vals["done_date"] = fields.Date.context_today(self)
            if not self.env.su or "done_by_id" not in vals:
                vals["done_by_id"] = self.env.uid
        else:
            vals.update(done_date=False, done_by_id=False)
        if vals["state"] != "not_applicable" and "not_applicable_reason" not in vals:
            vals["not_applicable_reason"] = False
        return vals

    def _renumber(self):
        """Keep row numbers consecutive (1, 2, 3…) within each quarter.

        On a tie the newer task comes first: a task inserted at row N pushes
        the task that held row N down. The numbers are written in one SQL
        statement: a row number is layout, not content, so it changes even on
        an issued plan, and no ORM path (nor any context key) is opened for it.
        """
        plans = self.plan_id
        if not plans:
            return
        self.flush_model(["plan_id", "quarter", "row_number"])
        self.env.cr.execute(
            SQL(
                """
                UPDATE tdkt_plan_task AS task
                   SET row_number = ordered.row
                  FROM (
                        SELECT id, ROW_NUMBER() OVER (
                                   PARTITION BY plan_id, quarter
                                   ORDER BY row_number, id DESC) AS row
                          FROM tdkt_plan_task
                         WHERE plan_id IN %(plans)s
                       ) AS ordered
                 WHERE task.id = ordered.id
                   AND task.row_number IS DISTINCT FROM ordered.row
             RETURNING task.id
                """,
                plans=tuple(plans.ids),
            )
        )
        changed = [row[0] for row in self.env.cr.fetchall()]
        if changed:
            self.browse(changed).invalidate_recordset(["row_number"], flush=False)

    # --- reminders ------------------------------------------------------------
    def _reminder_users(self):
        """Who is reminded of a task: its responsible users, or else the
        people of its lead unit."""
        self.ensure_one()
        users = self.user_ids or self.lead_unit_id.member_user_ids
        return users.filtered(lambda user: not user.share and user.active)

    @api.model
    def _cron_deadline_reminders(self):
        """A to-do for the people of each unfinished task of an issued plan,
        N days before its deadline (N per agency); it turns red in their
        activities once the deadline has passed."""
        today = fields.Date.context_today(self)
        reminder = self.env.ref("tdkt_emulation.mail_activity_type_tdkt_deadline")
        open_tasks = [
            ("plan_state", "=", "issued"),
            ("state", "in", ("todo", "in_progress")),
        ]
        for [company] in self._read_group(open_tasks, ["company_id"]):
            horizon = today + timedelta(days=company.tdkt_reminder_days or 0)
            tasks = self.search(
                [
                    *open_tasks,
                    ("company_id", "=", company.id),
                    ("date_deadline", "<=", horizon),
                ]
            )
            reminded = set(
                self.env["mail.activity"]
                .search(
                    [
                        ("res_model", "=", self._name),
                        ("res_id", "in", tasks.ids),
                        ("activity_type_id", "=", reminder.id),
                    ]
                )
                .mapped(lambda activity: (activity.res_id, activity.user_id.id))
            )
            for task in tasks:
                for user in task._reminder_users():
                    if (task.id, user.id) in reminded:
                        continue
                    task.activity_schedule(
                        activity_type_id=reminder.id,
                        date_deadline=task.date_deadline,
                        user_id=user.id,
                        summary=self.env._("Deadline of the task"),
                    )

    @api.model
    def _cron_weekly_digest(self):
        """The Office of each agency receives its overdue tasks by unit."""
        template = self.env.ref("tdkt_emulation.mail_template_tdkt_overdue_digest")
        office = self.env.ref(GROUP_OFFICE)
        for [company] in self._read_group([("is_overdue", "=", True)], ["company_id"]):
            users = office.users.filtered(
                lambda user, company=company: (
                    company in user.company_ids and not user.share and user.email
                )
            )
            if users:
                template.with_context(lang="vi_VN").send_mail(
                    company.id,
                    email_values={"recipient_ids": [(6, 0, users.partner_id.ids)]},
                )

    # --- web client ----------------------------------------------------------------
    @api.model
    @api.readonly
    def web_search_read(
        self, domain, specification, offset=0, limit=None, order=None, count_limit=None
    ):
        """Count the matching tasks in the search query itself (a window count).

        Odoo's version runs a second query, a search_count, whenever a page is
        full: a kanban column of 40 cards out of 2,500 then costs one query
        more than a column of 25.  With the window count every column costs
        the same whatever the number of tasks.
        """
        if not limit or self.env.context.get("force_search_count"):
            return super().web_search_read(
                domain, specification, offset, limit, order, count_limit
            )
        query = self._search(domain, offset=offset, limit=limit, order=order)
        rows = self.env.execute_query(
            query.select(SQL.identifier(self._table, "id"), SQL("COUNT(*) OVER ()"))
        )
        if not rows:
            if offset:
                # A page past the end says nothing of the total: count it.
                return super().web_search_read(
                    domain, specification, offset, limit, order, count_limit
                )
            return {"length": 0, "records": []}
        records = self.browse([row[0] for row in rows])
        records.fetch(list(specification))
        length = rows[0][1] if not count_limit else min(rows[0][1], count_limit)
        return {"length": length, "records": records.web_read(specification)}

    # --- actions --------------------------------------------------------------------
    @api.model
    def _action_landing(self):
        """The screen the app opens on: the plans for the Office and above,
        the tasks of their unit for the others."""
        if self.env.user.has_group(GROUP_OFFICE):
            return self.env["ir.actions.act_window"]._for_xml_id(
                "tdkt_emulation.tdkt_plan_action"
            )
        return self.env["ir.actions.act_window"]._for_xml_id(
            "tdkt_emulation.tdkt_plan_task_action_my"
        )

    def action_start(self):
        self.write({"state": "in_progress"})
        return True

    def action_done(self):
        # A task done already keeps the day it was done.
        self.filtered(lambda task: task.state != "done").write({"state": "done"})
        return True

    def action_complete(self):
        """Complete the tasks from the screens (button, card, drag): one
        completed after its deadline first asks for its result, in a small
        dialog that says how late it is. Whatever the path, the task records
        how many days late it was done."""
        self._check_progress_rights()
        today = fields.Date.context_today(self)
        if any(
            task.date_deadline and task.date_deadline < today
            for task in self
            if task.state != "done"
        ):
            return self._task_dialog(
                self.env._("Completed Late"), "tdkt.plan.task.done.wizard"
            )
        return self.action_done()

    def _task_dialog(self, title, wizard):
        """The action opening the small dialog ``wizard`` on these tasks."""
        return {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": wizard,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_task_ids": self.ids},
        }

    def action_reopen(self):
        self.write({"state": "in_progress"})
        return True

    def action_mark_not_applicable(self):
        """Close 'if any' tasks as not applicable: asks the reason first,
        in a small dialog, unless every task already has one."""
        self._check_progress_rights()
        if any(not (task.not_applicable_reason or "").strip() for task in self):
            return self._task_dialog(
                self.env._("Not Applicable"), "tdkt.plan.task.not.applicable.wizard"
            )
        self.write({"state": "not_applicable"})
        return True
