from datetime import datetime

from odoo import fields, models

ISSUER_LEVEL_WORDS = {"cơ quan": "own", "cấp trên": "higher", "": "own"}


class TdktAwardRecordImport(models.TransientModel):
    """Import past years' awards into the history from an XLSX file.

    All or nothing (``tdkt.xlsx.import.mixin``): unknown person or
    collective, unknown title, a title for the other kind of subject, a year
    in the future, a missing or unreadable decision reference, an award
    already in the history or twice in the file are reported row by row.
    """

    _name = "tdkt.award.record.import"
    _inherit = ["tdkt.xlsx.import.mixin"]
    _description = "Import Award History"
    _tdkt_import_header = (
        "Họ và tên / Tập thể",
        "Mã danh hiệu",
        "Năm",
        "Số quyết định",
        "Ngày quyết định",
        "Người ký",
        "Cấp (Cơ quan / Cấp trên)",
        "Ghi chú",
    )
    _tdkt_import_widths = (32, 18, 8, 18, 16, 30, 20, 30)
    _tdkt_import_max_rows = 50000
    _tdkt_import_default_filename = "lich_su_khen_thuong.xlsx"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    def _tdkt_import_check_target(self):
        self._tdkt_check_office()
        self.env["tdkt.award.record"].check_access("create")

    def _tdkt_check_office(self):
        self.env["tdkt.award.record"]._tdkt_check_office()

    def _tdkt_import_title(self):
        return self.env._("Import Award History")

    def _tdkt_import_create(self, values):
        self.env["tdkt.award.record"].create(values)

    def action_download_template(self):
        self.ensure_one()
        self._tdkt_check_office()
        awards = self.env["tdkt.award.type"].search([("code", "!=", False)])
        self.template_file = self._tdkt_template_workbook(
            "Lich su",
            [
                (
                    "Danh hieu",
                    ("Mã danh hiệu", "Danh hiệu, hình thức"),
                    [(award.code, award.name) for award in awards],
                )
            ],
        )
        return self._download("template_file", "Mau_lich_su_khen_thuong.xlsx")

    def _tdkt_import_nominee(self, name, award, people, units):
        """({employee_id} or {unit_id}, problem) of a row's name."""
        key_name = self.env["tdkt.registration.line"]._tdkt_name_key(name)
        if not name:
            return {}, self.env._("The name is empty.")
        if not award:
            return {}, None
        if award.subject == "collective":
            unit = units.get(key_name)
            if unit:
                return {"unit_id": unit.id}, None
            return {}, self.env._("No unit is named '%(name)s'.", name=name)
        matches = people.get(key_name, [])
        if len(matches) == 1:
            return {"employee_id": matches[0].id}, None
        if matches:
            return {}, self.env._(
                "Several people of the agency are named '%(person)s'.", person=name
            )
        return {}, self.env._(
            "'%(person)s' is not a person of the agency.", person=name
        )

    def _tdkt_import_check_rows(self, rows):
        company = self.company_id
        Line = self.env["tdkt.registration.line"]
        # sudo: the agency's staff are read through HR records; only ids and
        # names are used.
        people = {}
        for employee in (
            # sudo: staff and history matched by name and key only
            self.env["hr.employee"].sudo().search([("company_id", "=", company.id)])
        ):
            people.setdefault(Line._tdkt_name_key(employee.name), []).append(employee)
        units = {
            Line._tdkt_name_key(unit.name): unit
            for unit in self.env["tdkt.unit"].search(
                [("company_id", "in", [company.id, False])]
            )
        }
        awards = {
            award.code.casefold(): award
            for award in self.env["tdkt.award.type"].search([])
        }
        # sudo: the whole history of the agency decides what is already
        # there; only keys are used.
        taken = {
            (
                record.employee_id.id or -record.unit_id.id,
                record.award_type_id.id,
                record.year,
            )
            for record in self.env["tdkt.award.record"]
            # sudo: staff and history matched by name and key only
            .sudo()
            .search([("company_id", "=", company.id)])
        }
        this_year = fields.Date.context_today(self).year
        seen, values, errors = {}, [], {}
        for number, cells in rows:
            name, code, year, decision, day, issuer, level, note = cells
            problems = []
            award = awards.get(code.casefold())
            if not award:
                problems.append(self.env._("Unknown title code '%(code)s'.", code=code))
            nominee, problem = self._tdkt_import_nominee(name, award, people, units)
            if problem:
                problems.append(problem)
            year_value = int(year) if year.isdigit() else 0
            if not 1945 <= year_value <= this_year:
                problems.append(
                    self.env._(
                        "The year '%(year)s' is not valid: it cannot be in the future.",
                        year=year,
                    )
                )
            try:
                decision_date = datetime.strptime(day, "%d/%m/%Y").date()
            except ValueError:
                decision_date = None
            if not decision or not decision_date:
                problems.append(
                    self.env._(
                        "Give the number and the date (dd/mm/yyyy) of the decision."
                    )
                )
            issuer_level = ISSUER_LEVEL_WORDS.get(level.casefold())
            if issuer_level is None:
                problems.append(
                    self.env._(
                        "Write 'Cơ quan' or 'Cấp trên' for who issued the decision."
                    )
                )
            if nominee and award and year_value:
                key = (
                    nominee.get("employee_id") or -nominee["unit_id"],
                    award.id,
                    year_value,
                )
                if key in taken:
                    problems.append(self.env._("Already in the history."))
                elif key in seen:
                    problems.append(
                        self.env._("Same award as row %(row)s.", row=seen[key])
                    )
                else:
                    seen[key] = number
            if problems:
                errors[number] = " ".join(problems)
                continue
            values.append(
                {
                    **nominee,
                    "company_id": company.id,
                    "award_type_id": award.id,
                    "year": year_value,
                    "decision_number": decision,
                    "decision_date": decision_date,
                    "issuer": issuer or False,
                    "issuer_level": issuer_level,
                    "note": note or False,
                }
            )
        return values, errors
