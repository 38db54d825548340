from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .tdkt_official_document_mixin import (
    GROUP_OFFICE,
    GROUP_USER,
    TdktOfficialDocumentMixin,
    Transition,
)

# Fields only the lifecycle writes.
REGISTRATION_LIFECYCLE_FIELDS = {"submitted_date", "is_late"}


class TdktRegistration(models.Model):
    """A unit's registration for a movement (Đăng ký thi đua).

    The unit registers the collective title it aims at and, in lines, the
    individual titles of its staff. The unit is a department of the agency,
    or, in a movement of a cluster or of the agency's sector, a member agency
    (whose people are named, not employees of this agency).

    An official document with a lifecycle of its own: the unit (its head, or
    staff the Office names) submits; the Office accepts it or returns it
    with a reason, and the unit edits and submits again. After the
    movement's registration deadline only the Office accepts a registration,
    late, with a reason in the chatter.
    """

    _name = "tdkt.registration"
    _description = "Emulation Registration"
    _inherit = ["tdkt.official.document.mixin"]
    _order = "year desc, movement_id, unit_id, id"
    _tdkt_document_type = "ĐK"
    _tdkt_print_prefix = "DKTD"
    _tdkt_report = "tdkt_emulation.action_report_tdkt_registration"
    _tdkt_states = ("draft", "submitted", "accepted", "returned")
    _tdkt_signed_states = ("accepted",)
    # Accepted: locked for everyone. Submitted: locked for the unit while the
    # Office reviews it (see _tdkt_check_editable).
    _tdkt_locked_states = ("accepted",)
    _tdkt_issue_group = GROUP_OFFICE
    _tdkt_base_transitions = ()
    _tdkt_extra_transitions = (
        Transition(
            "submit",
            ("draft", "returned"),
            "submitted",
            GROUP_USER,
            "_tdkt_check_submit",
            ("submitted",),
        ),
        Transition(
            "accept",
            ("submitted",),
            "accepted",
            GROUP_OFFICE,
            "_tdkt_check_accept",
            ("date", "revision"),
        ),
        Transition("return", ("submitted",), "returned", GROUP_OFFICE, reason=True),
        Transition(
            "accept_late",
            ("draft", "returned", "submitted"),
            "accepted",
            GROUP_OFFICE,
            "_tdkt_check_accept_late",
            ("submitted", "late", "date", "revision"),
            True,
        ),
    )
    _tdkt_text_limits = {
        **TdktOfficialDocumentMixin._tdkt_text_limits,
        "note": 5000,
    }

    state = fields.Selection(
        selection_add=[
            ("accepted", "Accepted"),
            ("returned", "Returned"),
            ("issued",),
        ],
        ondelete={"accepted": "set default", "returned": "set default"},
    )
    name = fields.Char(
        compute="_compute_name", store=True, readonly=False, precompute=True
    )
    movement_id = fields.Many2one(
        "tdkt.movement",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
        domain="[('state', '=', 'launched')]",
    )
    company_id = fields.Many2one(
        compute="_compute_from_movement", store=True, readonly=False, precompute=True
    )
    year = fields.Integer(
        compute="_compute_from_movement", store=True, readonly=False, precompute=True
    )
    unit_id = fields.Many2one(
        "tdkt.unit",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
        domain="[('id', 'in', allowed_unit_ids)]",
    )
    registrant_type = fields.Selection(related="movement_id.registrant_type")
    allowed_unit_ids = fields.Many2many(
        "tdkt.unit",
        compute="_compute_allowed_unit_ids",
        string="Units Taking Part",
    )
    collective_award_type_id = fields.Many2one(
        "tdkt.award.type",
        string="Collective Title",
        tracking=True,
        check_company=True,
        help="The title or form the unit itself aims at.",
    )
    line_ids = fields.One2many(
        "tdkt.registration.line", "registration_id", string="Individual Titles"
    )
    line_count = fields.Integer(compute="_compute_line_count", string="People")
    open_award_type_ids = fields.Many2many(
        "tdkt.award.type",
        compute="_compute_open_award_type_ids",
        string="Titles Open in the Movement",
    )
    registration_deadline = fields.Date(related="movement_id.registration_deadline")
    submitted_date = fields.Date(readonly=True, copy=False, tracking=True)
    is_late = fields.Boolean(
        string="Late",
        readonly=True,
        copy=False,
        help="Accepted by the Office after the movement's registration deadline.",
    )
    note = fields.Text()

    _sql_constraints = [
        (
            "unit_movement_uniq",
            "unique(movement_id, unit_id)",
            "This unit already has a registration for this movement.",
        ),
    ]

    # --- computes ---------------------------------------------------------------
    @api.depends("movement_id")
    def _compute_from_movement(self):
        for registration in self:
            movement = registration.movement_id
            if movement:
                registration.company_id = movement.company_id
                registration.year = movement.year
            else:
                registration.company_id = registration.company_id or self.env.company
                registration.year = (
                    registration.year or fields.Date.context_today(self).year
                )

    @api.depends("unit_id", "year")
    def _compute_name(self):
        for registration in self:
            registration.name = (
                f"Đăng ký thi đua năm {registration.year} - {registration.unit_id.name}"
                if registration.unit_id
                else registration.name or f"Đăng ký thi đua năm {registration.year}"
            )

    @api.depends("line_ids")
    def _compute_line_count(self):
        counts = {}
        if self.ids:
            counts = dict(
                self.env["tdkt.registration.line"]._read_group(
                    [("registration_id", "in", self.ids)],
                    ["registration_id"],
                    ["__count"],
                )
            )
        for registration in self:
            registration.line_count = counts.get(registration, 0)

    @api.depends("movement_id.scope", "movement_id.scope_unit_ids")
    def _compute_allowed_unit_ids(self):
        for registration in self:
            movement = registration.movement_id
            registration.allowed_unit_ids = (
                movement._tdkt_scope_units() if movement else False
            )

    @api.depends("movement_id.title_ids.award_type_id")
    def _compute_open_award_type_ids(self):
        for registration in self:
            registration.open_award_type_ids = (
                registration.movement_id.title_ids.award_type_id
            )

    @api.depends("state", "unit_id")
    @api.depends_context("uid")
    def _compute_allowed_actions(self):
        """Submit shows only to those who may submit the unit's registration."""
        result = super()._compute_allowed_actions()
        for registration in self:
            if registration.unit_id and not registration._tdkt_is_registrar():
                registration.allowed_actions = " ".join(
                    action
                    for action in (registration.allowed_actions or "").split()
                    if action != "submit"
                )
        return result

    @api.onchange("unit_id")
    def _onchange_unit_id(self):
        manager = self.unit_id.department_ids.manager_id[:1]
        if manager and not self.signer_id:
            self.signer_id = manager

    # --- constraints --------------------------------------------------------------
    @api.constrains("collective_award_type_id", "movement_id", "unit_id", "year")
    def _check_collective_title(self):
        for registration in self.filtered("collective_award_type_id"):
            award = registration.collective_award_type_id
            if award.subject != "collective":
                raise ValidationError(
                    self.env._(
                        "'%(award)s' is a title for individuals: a unit cannot "
                        "register for it as a collective.",
                        award=award.display_name,
                    )
                )
            registration._tdkt_check_open(award)
            # sudo: the same title may sit on a registration of this unit the
            # user cannot read (another movement); only a count comes back.
            twice = self.sudo().search_count(
                [
                    ("id", "!=", registration.id),
                    ("unit_id", "=", registration.unit_id.id),
                    ("year", "=", registration.year),
                    ("collective_award_type_id", "=", award.id),
                ],
                limit=1,
            )
            if twice:
                raise ValidationError(
                    self.env._(
                        "The unit '%(unit)s' already registered for '%(award)s' in "
                        "%(year)s: a title is registered once a year.",
                        unit=registration.unit_id.name,
                        award=award.display_name,
                        year=registration.year,
                    )
                )

    @api.constrains("movement_id", "unit_id")
    def _check_movement(self):
        for registration in self:
            if registration.movement_id.state != "launched" and not self.env.su:
                raise ValidationError(
                    self.env._(
                        "The movement '%(movement)s' is not open for registration.",
                        movement=registration.movement_id.display_name,
                    )
                )
            movement = registration.movement_id
            if registration.unit_id.unit_type != movement.registrant_type:
                if movement.registrant_type == "department":
                    message = self.env._(
                        "Only a department registers: '%(unit)s' is not one.",
                        unit=registration.unit_id.name,
                    )
                else:
                    message = self.env._(
                        "The movement '%(movement)s' is for member agencies: "
                        "'%(unit)s' is not an agency.",
                        movement=movement.display_name,
                        unit=registration.unit_id.name,
                    )
                raise ValidationError(message)
            if (
                movement.scope_unit_ids
                and registration.unit_id not in movement.scope_unit_ids
            ):
                raise ValidationError(
                    self.env._(
                        "'%(unit)s' does not take part in the movement '%(movement)s'.",
                        unit=registration.unit_id.name,
                        movement=movement.display_name,
                    )
                )

    def _tdkt_check_open(self, award):
        self.ensure_one()
        if award not in self.movement_id.title_ids.award_type_id:
            raise ValidationError(
                self.env._(
                    "'%(award)s' is not open for registration in the movement "
                    "'%(movement)s'.",
                    award=award.display_name,
                    movement=self.movement_id.display_name,
                )
            )

    # --- CRUD -------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                for name in REGISTRATION_LIFECYCLE_FIELDS:
                    vals.pop(name, None)
        registrations = super().create(vals_list)
        for registration, vals in zip(registrations, vals_list, strict=True):
            if "signer_id" not in vals:
                manager = registration.unit_id.department_ids.manager_id[:1]
                if manager:
                    # sudo: the signer is the unit's head, an employee the
                    # registering staff may not read; the record was just
                    # created by them.
                    registration.sudo().signer_id = manager
        return registrations

    def write(self, vals):
        if not self.env.su and REGISTRATION_LIFECYCLE_FIELDS & set(vals):
            raise AccessError(
                self.env._(
                    "The submission date and the late mark of a registration are "
                    "kept by the system."
                )
            )
        return super().write(vals)

    # --- lifecycle ------------------------------------------------------------------
    def _tdkt_is_registrar(self):
        """Whether the current user may draft and submit this unit's
        registration (see ``tdkt.unit._tdkt_is_registrar``)."""
        self.ensure_one()
        if not self.unit_id:
            return self.env.su or self.env.user.has_group(GROUP_OFFICE)
        return self.unit_id._tdkt_is_registrar()

    def _tdkt_check_content(self):
        for registration in self:
            if not registration.collective_award_type_id and not registration.line_ids:
                raise UserError(
                    self.env._(
                        "'%(registration)s' registers for nothing: choose the "
                        "unit's title or add people.",
                        registration=registration.display_name,
                    )
                )
            if registration.movement_id.state not in ("launched", "reviewing"):
                raise UserError(
                    self.env._(
                        "The movement '%(movement)s' is not open for registration.",
                        movement=registration.movement_id.display_name,
                    )
                )

    def _tdkt_check_submit(self):
        for registration in self:
            if not registration._tdkt_is_registrar():
                raise AccessError(
                    self.env._(
                        "Only the head of '%(unit)s', staff the Office named for it, "
                        "or the Office may submit its registration.",
                        unit=registration.unit_id.name,
                    )
                )
            deadline = registration.registration_deadline
            if deadline and fields.Date.context_today(self) > deadline:
                raise UserError(
                    self.env._(
                        "The registration deadline of the movement (%(deadline)s) "
                        "has passed: only the Office may accept a late "
                        "registration, with a reason.",
                        deadline=deadline.strftime("%d/%m/%Y"),
                    )
                )
        self._tdkt_check_content()
        return self._tdkt_check_ready()

    def _tdkt_check_accept(self):
        for registration in self:
            deadline = registration.registration_deadline
            if (
                deadline
                and registration.submitted_date
                and registration.submitted_date > deadline
            ):
                raise UserError(
                    self.env._(
                        "'%(registration)s' was submitted after the deadline: "
                        "accept it as a late registration, with a reason.",
                        registration=registration.display_name,
                    )
                )
        self._tdkt_check_content()

    def _tdkt_check_accept_late(self):
        self._tdkt_check_content()
        return self._tdkt_check_ready()

    def _tdkt_effects(self, row):
        vals = super()._tdkt_effects(row)
        today = fields.Date.context_today(self)
        if "submitted" in row.effects and not (
            row.action == "accept_late" and self.submitted_date
        ):
            vals["submitted_date"] = today
        if "late" in row.effects:
            vals["is_late"] = True
        return vals

    def _tdkt_action_label(self, action):
        labels = {
            "accept": self.env._("accept"),
            "accept_late": self.env._("accept late"),
            "return": self.env._("return"),
        }
        return labels.get(action) or super()._tdkt_action_label(action)

    def _tdkt_check_editable(self):
        """The lock, and the unit's rights on its own registration."""
        super()._tdkt_check_editable()
        if self.env.su:
            return
        for registration in self:
            if registration.state == "submitted":
                raise UserError(
                    self.env._(
                        "'%(registration)s' is submitted: the Office reviews it; "
                        "it can be changed again once returned.",
                        registration=registration.display_name,
                    )
                )
            if not registration._tdkt_is_registrar():
                raise AccessError(
                    self.env._(
                        "Only the head of '%(unit)s', staff the Office named for it, "
                        "or the Office may change its registration.",
                        unit=registration.unit_id.name,
                    )
                )

    def action_open_import(self):
        self.ensure_one()
        self.check_access("write")
        self._tdkt_check_editable()
        return {
            "type": "ir.actions.act_window",
            "res_model": "tdkt.registration.import",
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Import Staff Registrations"),
            "context": {"default_registration_id": self.id},
        }

    def action_accept(self):
        return self._tdkt_do("accept")

    def action_create_proposals(self):
        """Propose what the registration registered (award proposals)."""
        dossiers = self.env["tdkt.award.proposal"]._tdkt_create_from_registration(
            self, self.env["tdkt.registration.line"]
        )
        return dossiers[:1]._tdkt_form_action()

    def action_accept_late(self):
        return self._tdkt_do("accept_late")

    # --- printout ---------------------------------------------------------------
    def _tdkt_print_lines_by_title(self):
        """(title, lines) in the movement's order of titles."""
        self.ensure_one()
        lines = self.line_ids
        lines.fetch(["person_name", "award_type_id", "job_title", "note"])
        order = {
            title.award_type_id.id: index
            for index, title in enumerate(self.movement_id.title_ids)
        }
        groups = {}
        for line in lines:
            groups.setdefault(line.award_type_id, self.env["tdkt.registration.line"])
            groups[line.award_type_id] |= line
        return sorted(
            (
                (award, group.sorted(lambda l: l.person_name or ""))
                for award, group in groups.items()
            ),
            key=lambda item: order.get(item[0].id, 10**6),
        )

    # --- header: the unit under its agency ------------------------------------------
    def _tdkt_header_depends(self):
        return [*super()._tdkt_header_depends(), "unit_id"]

    @api.depends(lambda self: self._tdkt_header_depends())
    def _compute_header(self):
        result = super()._compute_header()
        for registration in self.filtered("unit_id"):
            unit = registration.unit_id
            if unit.unit_type == "agency":
                # A member agency's form carries its own name; the agency
                # over it, when it is an agency of this Odoo.
                # sudo: the member agency may be another company of this Odoo,
                # outside the user's companies; only its header names are read.
                agency = unit.sudo().agency_id
                registration.agency_name = agency.tdkt_header_name or unit.name
                registration.parent_agency_name = (
                    agency.tdkt_parent_agency_name or agency.parent_id.name or False
                )
                continue
            company = registration.company_id
            registration.parent_agency_name = company.tdkt_header_name or company.name
            registration.agency_name = unit.name
        return result

    def _tdkt_print_number(self):
        """A unit's registration form carries no number of the register."""
        return ""

    def _tdkt_print_addressees(self):
        self.ensure_one()
        return [f"Hội đồng Thi đua - Khen thưởng {self.company_id.name}"]

    def _tdkt_print_preamble(self):
        self.ensure_one()
        movement = self.movement_id
        reference = (
            f"Kế hoạch số {movement.document_number} " if movement.number else ""
        )
        summary = movement._tdkt_print_summary()
        return (
            f"Thực hiện {reference}{summary[:1].lower()}{summary[1:]}, "
            f"{self.unit_id.name} đăng ký thi đua năm {self.year} như sau:"
        )
