import base64
import io

import openpyxl
import xlsxwriter

from odoo import fields, models
from odoo.exceptions import UserError


class TdktXlsxImportMixin(models.AbstractModel):
    """All-or-nothing import of an XLSX file, shared by the import dialogs.

    Every row is checked first (``_tdkt_import_check_rows``); if any row is
    wrong nothing is imported and the user gets the file back with the error
    of each row. Odoo's generic import (base_import) is not used: it imports
    row by row into one model and cannot check a row against its context
    (a registration's movement, the history already kept), nor hand back the
    user's own file annotated.

    A dialog sets the columns of its file and implements the hooks:
    ``_tdkt_import_check_target`` (rights on what it imports into),
    ``_tdkt_import_check_rows`` and ``_tdkt_import_create``.
    """

    _name = "tdkt.xlsx.import.mixin"
    _description = "XLSX Import"
    # Header of the first sheet, and its columns' widths.
    _tdkt_import_header = ()
    _tdkt_import_widths = ()
    _tdkt_import_max_rows = 5000
    _tdkt_import_default_filename = "import.xlsx"

    file = fields.Binary(string="XLSX File", attachment=False)
    filename = fields.Char()
    template_file = fields.Binary(attachment=False, readonly=True)
    error_file = fields.Binary(string="Errors", attachment=False, readonly=True)
    error_filename = fields.Char(readonly=True)
    error_count = fields.Integer(readonly=True)
    imported_count = fields.Integer(readonly=True)

    # --- hooks ----------------------------------------------------------------
    def _tdkt_import_check_target(self):
        """The user may import now (rights, lock); raise otherwise."""
        raise NotImplementedError

    def _tdkt_import_check_rows(self, rows):
        """(values to create, {row number: error}) of the file's rows."""
        raise NotImplementedError

    def _tdkt_import_create(self, values):
        raise NotImplementedError

    def _tdkt_import_title(self):
        return self._description

    # --- template and files ---------------------------------------------------
    def _tdkt_template_workbook(self, sheet_name, extra_sheets=()):
        """The template: the header on ``sheet_name``, then each of
        ``extra_sheets`` (name, header, rows) as a reference list."""
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = workbook.add_format({"bold": True, "border": 1, "bg_color": "#D9E1F2"})
        sheet = workbook.add_worksheet(sheet_name)
        for col, (label, width) in enumerate(
            zip(self._tdkt_import_header, self._tdkt_import_widths, strict=True)
        ):
            sheet.set_column(col, col, width)
            sheet.write_string(0, col, label, bold)
        for name, header, rows in extra_sheets:
            extra = workbook.add_worksheet(name)
            for col, label in enumerate(header):
                extra.set_column(col, col, 18 if col == 0 else 50)
                extra.write_string(0, col, label, bold)
            for row, values in enumerate(rows, 1):
                for col, value in enumerate(values):
                    extra.write_string(row, col, value)
        workbook.close()
        return base64.b64encode(output.getvalue())

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
        width = len(self._tdkt_import_header)
        rows = []
        for index, values in enumerate(sheet.iter_rows(values_only=True), 1):
            if index == 1:
                continue
            cells = [
                self._tdkt_import_cell(value)
                for value in (list(values) + [""] * width)[:width]
            ]
            if any(cells):
                rows.append((index, cells))
            if len(rows) > self._tdkt_import_max_rows:
                raise UserError(
                    self.env._(
                        "The file has more than %(count)s rows.",
                        count=self._tdkt_import_max_rows,
                    )
                )
        return rows

    @staticmethod
    def _tdkt_import_cell(value):
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if hasattr(value, "strftime"):
            return value.strftime("%d/%m/%Y")
        return str(value).strip()

    def _error_workbook(self, rows, errors):
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = workbook.add_format({"bold": True, "border": 1, "bg_color": "#D9E1F2"})
        red = workbook.add_format({"font_color": "#C00000", "text_wrap": True})
        sheet = workbook.add_worksheet("Loi")
        header = ("Dòng", *self._tdkt_import_header, "Lỗi")
        for col, label in enumerate(header):
            sheet.write_string(0, col, label, bold)
        sheet.set_column(1, 1, 32)
        sheet.set_column(len(header) - 1, len(header) - 1, 60)
        for row, (number, cells) in enumerate(
            [item for item in rows if item[0] in errors], 1
        ):
            sheet.write_number(row, 0, number)
            for col, value in enumerate(cells, 1):
                sheet.write_string(row, col, value)
            sheet.write_string(row, len(header) - 1, errors[number], red)
        workbook.close()
        return base64.b64encode(output.getvalue())

    # --- import -----------------------------------------------------------------
    def action_import(self):
        self.ensure_one()
        self._tdkt_import_check_target()
        rows = self._read_rows()
        if not rows:
            raise UserError(self.env._("The file has no rows to import."))
        values, errors = self._tdkt_import_check_rows(rows)
        if errors:
            self.write(
                {
                    "error_file": self._error_workbook(rows, errors),
                    "error_filename": (
                        f"Loi_{self.filename or self._tdkt_import_default_filename}"
                    ),
                    "error_count": len(errors),
                    "imported_count": 0,
                }
            )
        else:
            self._tdkt_import_create(values)
            self.write({"error_file": False, "error_count": 0})
            self.imported_count = len(values)
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self._tdkt_import_title(),
        }
