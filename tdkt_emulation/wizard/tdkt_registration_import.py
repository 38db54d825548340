from odoo import fields, models


class TdktRegistrationImport(models.TransientModel):
    """Import the staff lines of a registration from an XLSX file.

    All or nothing (``tdkt.xlsx.import.mixin``): unknown person, unknown
    title, a title for collectives, a title not open in the movement, a
    person registered twice for a title are reported row by row.
    """

    _name = "tdkt.registration.import"
    _inherit = ["tdkt.xlsx.import.mixin"]
    _description = "Import Registration Lines"
    _tdkt_import_header = ("Họ và tên", "Mã danh hiệu", "Ghi chú")
    _tdkt_import_widths = (32, 18, 30)
    _tdkt_import_max_rows = 5000
    _tdkt_import_default_filename = "dang_ky.xlsx"

    registration_id = fields.Many2one("tdkt.registration", required=True)

    # --- template -----------------------------------------------------------------
    def action_download_template(self):
        self.ensure_one()
        self._check_registration()
        awards = self.registration_id.movement_id.title_ids.award_type_id.filtered(
            lambda a: a.subject == "individual"
        )
        self.template_file = self._tdkt_template_workbook(
            "Dang ky",
            [
                (
                    "Danh hieu",
                    ("Mã danh hiệu", "Danh hiệu, hình thức"),
                    [(award.code, award.name) for award in awards],
                )
            ],
        )
        return self._download("template_file", "Mau_dang_ky_thi_dua.xlsx")

    # --- import -------------------------------------------------------------------
    def _check_registration(self):
        """The user may change this registration now (rights, lock, unit)."""
        registration = self.registration_id
        registration.check_access("write")
        registration._tdkt_check_editable()

    def _tdkt_import_check_target(self):
        self._check_registration()

    def _tdkt_import_title(self):
        return self.env._("Import Staff Registrations")

    def _tdkt_import_create(self, values):
        self.env["tdkt.registration.line"].create(values)

    def _tdkt_import_check_rows(self, rows):
        """(values for new lines, {row number: error}) of the file's rows.

        A department's people are found among its employees by name; a
        member agency's people are imported by name as the agency sends
        them.
        """
        registration = self.registration_id
        named = registration.unit_id.unit_type == "agency"
        Line = self.env["tdkt.registration.line"]
        by_name = {} if named else self._employees_by_name()
        awards = {
            award.code.casefold(): award
            for award in self.env["tdkt.award.type"].search([])
        }
        open_awards = registration.movement_id.title_ids.award_type_id
        # sudo: a person's other registrations this year may be another
        # unit's; only the (person, title) pairs are used.
        others = Line.sudo().search([("year", "=", registration.year)])
        if named:
            taken = {
                (Line._tdkt_name_key(line.person_name), line.award_type_id.id)
                for line in others
                if not line.employee_id and line.unit_id == registration.unit_id
            }
        else:
            taken = {(line.employee_id.id, line.award_type_id.id) for line in others}
        seen = {}
        values, errors = [], {}
        for number, (name, code, note) in rows:
            problems = []
            matches = by_name.get(Line._tdkt_name_key(name), [])
            if not name:
                problems.append(self.env._("The name is empty."))
            elif named:
                pass
            elif not matches:
                problems.append(
                    self.env._(
                        "'%(person)s' does not work in '%(unit)s'.",
                        person=name,
                        unit=registration.unit_id.name,
                    )
                )
            elif len(matches) > 1:
                problems.append(
                    self.env._(
                        "Several people of the unit are named '%(person)s'.",
                        person=name,
                    )
                )
            award = awards.get(code.casefold())
            if not award:
                problems.append(self.env._("Unknown title code '%(code)s'.", code=code))
            elif award.subject != "individual":
                problems.append(
                    self.env._(
                        "'%(award)s' is a title for collectives.",
                        award=award.display_name,
                    )
                )
            elif award not in open_awards:
                problems.append(
                    self.env._(
                        "'%(award)s' is not open in this movement.",
                        award=award.display_name,
                    )
                )
            person = (
                Line._tdkt_name_key(name)
                if named and name
                else (matches[0].id if len(matches) == 1 else None)
            )
            if person is not None and award:
                key = (person, award.id)
                if key in taken:
                    problems.append(
                        self.env._(
                            "Already registered for this title in %(year)s.",
                            year=registration.year,
                        )
                    )
                elif key in seen:
                    problems.append(
                        self.env._(
                            "Same person and title as row %(row)s.", row=seen[key]
                        )
                    )
                else:
                    seen[key] = number
            if problems:
                errors[number] = " ".join(problems)
            else:
                line = {
                    "registration_id": registration.id,
                    "award_type_id": award.id,
                    "note": note or False,
                }
                if named:
                    line["person_name"] = " ".join(name.split())
                else:
                    line["employee_id"] = matches[0].id
                values.append(line)
        return values, errors

    def _employees_by_name(self):
        """{name key: [employees]} of the unit's departments."""
        # sudo: the unit's staff are read through HR records a Staff
        # registrar may not read; only ids and names are used.
        employees = (
            self.env["hr.employee"]
            .sudo()  # sudo: HR records
            .search(
                [
                    (
                        "department_id",
                        "in",
                        # sudo: HR
                        self.registration_id.unit_id.sudo().department_ids.ids,
                    )
                ]
            )
        )
        by_name = {}
        for employee in employees:
            by_name.setdefault(
                self.env["tdkt.registration.line"]._tdkt_name_key(employee.name), []
            ).append(employee)
        return by_name
