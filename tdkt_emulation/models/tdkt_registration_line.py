from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class TdktRegistrationLine(models.Model):
    """One person registered for one title in a unit's registration.

    A person may hold several titles in a year where the law allows it
    (Lao động tiên tiến together with Chiến sĩ thi đua cơ sở), never the
    same title twice. Lines follow their registration's lock and rights.
    A department's people are its employees; a member agency's people (in a
    cluster's or the sector's movement) are named as the agency sends them.
    """

    _name = "tdkt.registration.line"
    _description = "Emulation Registration Line"
    _inherit = ["tdkt.access.mixin", "tdkt.person.mixin"]
    _order = "registration_id, award_type_id, person_name, id"
    _check_company_auto = True
    _tdkt_text_limits = {"note": 1000, "job_title": 200, "person_name": 200}

    registration_id = fields.Many2one(
        "tdkt.registration", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="registration_id.company_id", string="Agency", store=True, index=True
    )
    movement_id = fields.Many2one(
        related="registration_id.movement_id", store=True, index=True
    )
    unit_id = fields.Many2one(related="registration_id.unit_id", store=True, index=True)
    year = fields.Integer(related="registration_id.year", store=True, index=True)
    state = fields.Selection(
        related="registration_id.state", string="Status", store=True, index=True
    )
    employee_id = fields.Many2one(
        check_company=True,
        help="The department's employee; empty for a member agency's person.",
    )
    person_name = fields.Char(index=True)
    award_type_id = fields.Many2one(
        "tdkt.award.type",
        string="Title or Form",
        required=True,
        index=True,
        check_company=True,
    )
    note = fields.Char()

    @api.depends("employee_id.name")
    def _compute_person_name(self):
        # A renamed employee is printed with the new name.
        return super()._compute_person_name()

    # --- constraints --------------------------------------------------------------
    @api.constrains("award_type_id", "employee_id", "person_name", "registration_id")
    def _check_title(self):
        for line in self:
            award = line.award_type_id
            registration = line.registration_id
            if award.subject != "individual":
                raise ValidationError(
                    self.env._(
                        "'%(award)s' is a title for collectives: '%(person)s' cannot "
                        "register for it.",
                        award=award.display_name,
                        person=line.person_name,
                    )
                )
            registration._tdkt_check_open(award)
            if registration.unit_id.unit_type == "agency":
                line._tdkt_check_named_person()
                continue
            if not line.employee_id:
                raise ValidationError(
                    self.env._(
                        "Choose the employee of '%(unit)s' for each line.",
                        unit=registration.unit_id.name,
                    )
                )
            employee_name = line.employee_id.sudo().name  # sudo: HR record
            if line.person_name != employee_name:
                raise ValidationError(
                    self.env._(
                        "A department's person is printed with the employee's "
                        "name, '%(person)s'.",
                        person=employee_name,
                    )
                )
            # sudo: the employee's department decides the unit; Staff may not
            # read HR records.
            department = line.employee_id.sudo().department_id
            # sudo: the unit's departments are HR records too
            unit_departments = registration.unit_id.sudo().department_ids
            if department not in unit_departments:
                raise ValidationError(
                    self.env._(
                        "'%(person)s' does not work in '%(unit)s'.",
                        person=line.employee_id.name,
                        unit=registration.unit_id.name,
                    )
                )
        self._tdkt_check_twice()

    def _tdkt_check_named_person(self):
        """A member agency's person: a name, no employee of this agency."""
        self.ensure_one()
        unit = self.registration_id.unit_id
        if self.employee_id:
            raise ValidationError(
                self.env._(
                    "'%(unit)s' is a member agency: write its people's names; "
                    "they are not employees of this agency.",
                    unit=unit.name,
                )
            )
        if not (self.person_name or "").strip():
            raise ValidationError(
                self.env._(
                    "Write the full name of each person of '%(unit)s'.",
                    unit=unit.name,
                )
            )

    @staticmethod
    def _tdkt_name_key(name):
        return " ".join((name or "").split()).casefold()

    def _tdkt_check_twice(self):
        """The same person and title once a year, across movements and units."""
        if not self:
            return
        self.filtered(lambda l: not l.employee_id)._tdkt_check_twice_named()
        self.filtered("employee_id")._tdkt_check_twice_employees()

    def _tdkt_check_twice_employees(self):
        if not self:
            return
        self.flush_model(["employee_id", "award_type_id", "year"])
        # sudo: the other registration may be another unit's, which the user
        # cannot read; only the clashing pairs come back.
        clashes = self.sudo()._read_group(
            [
                ("employee_id", "in", self.employee_id.ids),
                ("award_type_id", "in", self.award_type_id.ids),
                ("year", "in", list(set(self.mapped("year")))),
            ],
            ["employee_id", "award_type_id", "year"],
            ["__count"],
            having=[("__count", ">", 1)],
        )
        mine = {(line.employee_id, line.award_type_id, line.year) for line in self}
        for employee, award, year, _count in clashes:
            if (employee, award, year) in mine:
                self._tdkt_raise_twice(employee.name, award, year)

    def _tdkt_check_twice_named(self):
        """A member agency's person, by name within the agency, once a year
        per title."""
        if not self:
            return
        self.flush_model(["person_name", "award_type_id", "year", "unit_id"])
        # sudo: the other line may sit on a registration the user cannot
        # read (another movement); only names come back.
        others = self.sudo().search(
            [
                ("employee_id", "=", False),
                ("unit_id", "in", self.unit_id.ids),
                ("award_type_id", "in", self.award_type_id.ids),
                ("year", "in", list(set(self.mapped("year")))),
            ]
        )
        seen = defaultdict(int)
        for other in others:
            seen[other._tdkt_named_key()] += 1
        for line in self:
            if seen[line._tdkt_named_key()] > 1:
                line._tdkt_raise_twice(line.person_name, line.award_type_id, line.year)

    def _tdkt_named_key(self):
        self.ensure_one()
        return (
            self.unit_id.id,
            self.award_type_id.id,
            self.year,
            self._tdkt_name_key(self.person_name),
        )

    def _tdkt_raise_twice(self, person, award, year):
        raise ValidationError(
            self.env._(
                "'%(person)s' is already registered for '%(award)s' in "
                "%(year)s: a title is registered once a year (Lao động tiên "
                "tiến and Chiến sĩ thi đua cơ sở may go together).",
                person=person,
                award=award.display_name,
                year=year,
            )
        )

    def action_create_proposal(self):
        """Propose these registered titles (award proposals) in one click."""
        dossiers = self.env["tdkt.award.proposal"]._tdkt_create_from_registration(
            self.env["tdkt.registration"], self
        )
        return dossiers[:1]._tdkt_form_action()

    # --- CRUD: lines follow their registration ----------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        self.check_access("create")
        self._tdkt_check_vals(vals_list)
        registrations = self.env["tdkt.registration"].browse(
            {
                vals["registration_id"]
                for vals in vals_list
                if vals.get("registration_id")
            }
        )
        registrations.check_access("write")
        registrations._tdkt_check_editable()
        return super().create(vals_list)

    def write(self, vals):
        self.check_access("write")
        self._tdkt_check_vals([vals])
        registrations = self.registration_id
        if vals.get("registration_id"):
            registrations |= self.env["tdkt.registration"].browse(
                vals["registration_id"]
            )
        registrations.check_access("write")
        registrations._tdkt_check_editable()
        return super().write(vals)

    def unlink(self):
        self.check_access("unlink")
        self.registration_id.check_access("write")
        self.registration_id._tdkt_check_editable()
        return super().unlink()
