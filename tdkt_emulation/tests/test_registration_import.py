import base64
import io

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .movement_common import TdktMovementCommon


def xlsx(rows):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(list(row))
    output = io.BytesIO()
    workbook.save(output)
    return base64.b64encode(output.getvalue())


@tagged("post_install", "-at_install")
class TestRegistrationImport(TdktMovementCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registration = (
            cls.env["tdkt.registration"]
            .with_user(cls.head)
            .create({"movement_id": cls.movement.id, "unit_id": cls.unit_office.id})
        )

    def wizard(self, rows, user=None):
        return (
            self.env["tdkt.registration.import"]
            .with_user(user or self.head)
            .create(
                {
                    "registration_id": self.registration.id,
                    "file": xlsx([("Họ và tên", "Mã danh hiệu", "Ghi chú"), *rows]),
                    "filename": "dang_ky.xlsx",
                }
            )
        )

    def test_template(self):
        wizard = (
            self.env["tdkt.registration.import"]
            .with_user(self.head)
            .create({"registration_id": self.registration.id})
        )
        action = wizard.action_download_template()
        self.assertIn("field=template_file", action["url"])
        book = openpyxl.load_workbook(
            io.BytesIO(base64.b64decode(wizard.template_file))
        )
        self.assertEqual(
            next(book["Dang ky"].iter_rows(values_only=True)),
            ("Họ và tên", "Mã danh hiệu", "Ghi chú"),
        )
        codes = [row[0] for row in book["Danh hieu"].iter_rows(values_only=True)]
        self.assertEqual(codes, ["Mã danh hiệu", "LDTT", "CSTDCS", "GIAY_KHEN_CN"])

    def test_good_file_imports_every_row(self):
        wizard = self.wizard(
            [
                ("Hoàng Văn Trưởng", "LDTT", ""),
                ("hoàng  văn trưởng", "cstdcs", "Có sáng kiến"),
                ("t_staff", "LDTT", None),
                (None, None, None),
            ]
        )
        wizard.action_import()
        self.assertEqual(wizard.imported_count, 3)
        self.assertFalse(wizard.error_count)
        lines = self.registration.line_ids
        self.assertEqual(len(lines), 3)
        self.assertEqual(
            sorted(lines.mapped(lambda l: (l.employee_id.name, l.award_type_id.code))),
            [
                ("Hoàng Văn Trưởng", "CSTDCS"),
                ("Hoàng Văn Trưởng", "LDTT"),
                ("t_staff", "LDTT"),
            ],
        )
        self.assertEqual(
            lines.filtered(lambda l: l.award_type_id == self.cstdcs).note,
            "Có sáng kiến",
        )

    def test_bad_file_imports_nothing_and_reports_every_wrong_row(self):
        wizard = self.wizard(
            [
                ("Hoàng Văn Trưởng", "LDTT", ""),
                ("Người Lạ", "LDTT", ""),
                ("t_staff", "XYZ", ""),
                ("t_staff", "TTLDTT", ""),
                ("t_staff", "TTLDXS", ""),
                ("t_staff", "BANG_KHEN_TTG_CN", ""),
                ("Hoàng Văn Trưởng", "LDTT", ""),
                ("t_staff_div", "LDTT", ""),
            ]
        )
        wizard.action_import()
        self.assertFalse(self.registration.line_ids)
        self.assertEqual(wizard.error_count, 7)
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.error_file)))
        rows = list(book.active.iter_rows(values_only=True))
        self.assertEqual(
            rows[0], ("Dòng", "Họ và tên", "Mã danh hiệu", "Ghi chú", "Lỗi")
        )
        errors = {row[0]: row[4] for row in rows[1:]}
        self.assertEqual(sorted(errors), [3, 4, 5, 6, 7, 8, 9])
        self.assertIn("does not work in", errors[3])
        self.assertIn("Unknown title code 'XYZ'", errors[4])
        self.assertIn("title for collectives", errors[5])
        self.assertIn("title for collectives", errors[6])
        self.assertIn("not open in this movement", errors[7])
        self.assertIn("Same person and title as row 2", errors[8])
        self.assertIn("does not work in", errors[9])

    def test_already_registered_this_year(self):
        self.registration.with_user(self.head).write(
            {
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "employee_id": self.staff_employee.id,
                            "award_type_id": self.ldtt.id,
                        },
                    )
                ]
            }
        )
        wizard = self.wizard([("t_staff", "LDTT", "")])
        wizard.action_import()
        self.assertEqual(wizard.error_count, 1)
        self.assertEqual(len(self.registration.line_ids), 1)

    def test_rights_and_lock(self):
        with self.assertRaisesRegex(UserError, "not an XLSX"):
            self.env["tdkt.registration.import"].with_user(self.head).create(
                {
                    "registration_id": self.registration.id,
                    "file": base64.b64encode(b"not a workbook"),
                }
            ).action_import()
        with self.assertRaises(AccessError):
            self.wizard([("t_staff", "LDTT", "")], user=self.staff).action_import()
        self.registration.with_user(self.head).write(
            {"collective_award_type_id": self.ttldtt.id}
        )
        with freeze_time("2024-01-20"):
            self.registration.with_user(self.head).action_submit()
        with self.assertRaisesRegex(UserError, "the Office reviews it"):
            self.wizard([("t_staff", "LDTT", "")]).action_import()
