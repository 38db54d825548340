import base64
import io

import openpyxl
import xlsxwriter

from odoo import fields, models
from odoo.exceptions import UserError

HEADER = ("Họ và tên", "Mã danh hiệu", "Ghi chú")
MAX_ROWS = 5000


class TdktRegistrationImport(models.TransientModel):
    """Import the staff lines of a registration from an XLSX file.

    All or nothing: every row is checked first (unknown person, unknown
    title, a title for collectives, a title not open in the movement, a
    person registered twice for a title); if any row is wrong nothing is
    imported and the user gets the file back with the error of each row.
    Odoo's generic import (base_import) is not used: it imports row by row
    into one model and cannot check a row against the registration's
    movement, unit and year, nor hand back the user's own file annotated.
    """

    _name = "tdkt.registration.import"
    _description = "Import Registration Lines"

    registration_id = fields.Many2one("tdkt.registration", required=True)
    file = fields.Binary(string="XLSX File", attachment=False)
    filename = fields.Char()
    template_file = fields.Binary(attachment=False, readonly=True)
    error_file = fields.Binary(string="Errors", attachment=False, readonly=True)
    error_filename = fields.Char(readonly=True)
    error_count = fields.Integer(readonly=True)
    imported_count = fields.Integer(readonly=True)

    # --- template -----------------------------------------------------------------
    def action_download_template(self):
        self.ensure_one()
        self._check_registration()
        registration = self.registration_id
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = workbook.add_format({"bold": True, "border": 1, "bg_color": "#D9E1F2"})
        sheet = workbook.add_worksheet("Dang ky")
        for col, (label, width) in enumerate(zip(HEADER, (32, 18, 30), strict=True)):
            sheet.set_column(col, col, width)
            sheet.write_string(0, col, label, bold)
        titles = workbook.add_worksheet("Danh hieu")
        titles.write_string(0, 0, "Mã danh hiệu", bold)
        titles.write_string(0, 1, "Danh hiệu, hình thức", bold)
        titles.set_column(0, 0, 18)
        titles.set_column(1, 1, 50)
        awards = registration.movement_id.title_ids.award_type_id.filtered(
            lambda a: a.subject == "individual"
        )
        for row, award in enumerate(awards, 1):
            titles.write_string(row, 0, award.code)
            titles.write_string(row, 1, award.name)
        workbook.close()
        self.template_file = base64.b64encode(output.getvalue())
        return self._download("template_file", "Mau_dang_ky_thi_dua.xlsx")

    def action_download_errors(self):
        self.ensure_one()
        return self._download("error_file", self.error_filename or "Loi.xlsx")

    def _download(self, field, filename):
        return {
            "type": "ir.actions.act_url",
            "url": (
                f"/web/content/?model={self._name}&id={self.id}&field={field}"
                f"&download=true&filename={filename}"
            ),
            "target": "self",
        }

    # --- import -------------------------------------------------------------------
    def _check_registration(self):
        """The user may change this registration now (rights, lock, unit)."""
        registration = self.registration_id
        registration.check_access("write")
        registration._tdkt_check_editable()

    def _read_rows(self):
        if not self.file:
            raise UserError(self.env._("Choose the XLSX file to import."))
        try:
            workbook = openpyxl.load_workbook(
                io.BytesIO(base64.b64decode(self.file)), read_only=True, data_only=True
            )
        except Exception:  # noqa: BLE001 - any unreadable upload is the same error
            raise UserError(
                self.env._("The file is not an XLSX workbook; use the template.")
            ) from None
        sheet = workbook.worksheets[0]
        rows = []
        for index, values in enumerate(sheet.iter_rows(values_only=True), 1):
            if index == 1:
                continue
            cells = [
                str(value).strip() if value is not None else ""
                for value in (list(values) + ["", "", ""])[:3]
            ]
            if any(cells):
                rows.append((index, cells))
            if len(rows) > MAX_ROWS:
                raise UserError(
                    self.env._("The file has more than %(count)s rows.", count=MAX_ROWS)
                )
        return rows

    def _check_rows(self, rows):
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

    def _error_workbook(self, rows, errors):
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = workbook.add_format({"bold": True, "border": 1, "bg_color": "#D9E1F2"})
        red = workbook.add_format({"font_color": "#C00000", "text_wrap": True})
        sheet = workbook.add_worksheet("Loi")
        for col, label in enumerate(("Dòng", *HEADER, "Lỗi")):
            sheet.write_string(0, col, label, bold)
        sheet.set_column(1, 1, 32)
        sheet.set_column(4, 4, 60)
        for row, (number, cells) in enumerate(
            [item for item in rows if item[0] in errors], 1
        ):
            sheet.write_number(row, 0, number)
            for col, value in enumerate(cells, 1):
                sheet.write_string(row, col, value)
            sheet.write_string(row, 4, errors[number], red)
        workbook.close()
        return base64.b64encode(output.getvalue())

    def action_import(self):
        self.ensure_one()
        self._check_registration()
        rows = self._read_rows()
        if not rows:
            raise UserError(self.env._("The file has no rows to import."))
        values, errors = self._check_rows(rows)
        if errors:
            self.write(
                {
                    "error_file": self._error_workbook(rows, errors),
                    "error_filename": f"Loi_{self.filename or 'dang_ky.xlsx'}",
                    "error_count": len(errors),
                    "imported_count": 0,
                }
            )
        else:
            self.env["tdkt.registration.line"].create(values)
            self.write({"error_file": False, "error_count": 0})
            self.imported_count = len(values)
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Import Staff Registrations"),
        }
