import base64
import io

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import AccessError

from .movement_common import TdktMovementCommon
from .test_registration_import import xlsx

HEADER = (
    "Họ và tên / Tập thể",
    "Mã danh hiệu",
    "Năm",
    "Số quyết định",
    "Ngày quyết định",
    "Người ký",
    "Cấp (Cơ quan / Cấp trên)",
    "Ghi chú",
)


@freeze_time("2024-12-10")
class TestAwardRecordImport(TdktMovementCommon):
    def wizard(self, rows, user=None):
        return (
            self.env["tdkt.award.record.import"]
            .with_user(user or self.office)
            .create(
                {
                    "company_id": self.company.id,
                    "file": xlsx([HEADER, *rows]),
                    "filename": "lich_su.xlsx",
                }
            )
        )

    def test_good_file_imports_every_row(self):
        wizard = self.wizard(
            [
                (
                    "t_staff",
                    "LDTT",
                    2022,
                    "10/QĐ-TTr",
                    "05/01/2023",
                    "Chánh Thanh tra",
                    "Cơ quan",
                    "",
                ),
                ("t_staff", "CSTDCS", 2023, "11/QĐ-TTr", "08/01/2024", "", "", ""),
                (
                    "Văn phòng Thanh tra tỉnh",
                    "TTLDTT",
                    2023,
                    "12/QĐ-UBND",
                    "10/01/2024",
                    "Chủ tịch UBND tỉnh",
                    "Cấp trên",
                    "",
                ),
            ]
        )
        wizard.action_import()
        self.assertEqual((wizard.imported_count, wizard.error_count), (3, 0))
        records = self.env["tdkt.award.record"].search(
            [("company_id", "=", self.company.id)]
        )
        self.assertEqual(
            sorted(
                records.mapped(lambda r: (r.nominee_name, r.award_type_id.code, r.year))
            ),
            [
                ("Văn phòng Thanh tra tỉnh", "TTLDTT", 2023),
                ("t_staff", "CSTDCS", 2023),
                ("t_staff", "LDTT", 2022),
            ],
        )
        self.assertEqual(
            records.filtered(lambda r: r.award_type_id.code == "TTLDTT").issuer_level,
            "higher",
        )

    def test_bad_file_imports_nothing_and_reports_every_wrong_row(self):
        wizard = self.wizard(
            [
                ("t_staff", "LDTT", 2022, "10/QĐ-TTr", "05/01/2023", "", "", ""),
                ("Không Có Ai", "LDTT", 2022, "10/QĐ-TTr", "05/01/2023", "", "", ""),
                ("t_staff", "LDTT", 2026, "10/QĐ-TTr", "05/01/2027", "", "", ""),
                ("t_staff", "CSTDCS", 2022, "", "", "", "", ""),
                ("t_staff", "LDTT", 2022, "10/QĐ-TTr", "05/01/2023", "", "", ""),
                ("t_staff", "XYZ", 2022, "10/QĐ-TTr", "05/01/2023", "", "", ""),
            ]
        )
        wizard.action_import()
        self.assertEqual((wizard.imported_count, wizard.error_count), (0, 5))
        self.assertFalse(
            self.env["tdkt.award.record"].search([("company_id", "=", self.company.id)])
        )
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.error_file)))
        errors = {
            row[0]: row[-1]
            for row in book["Loi"].iter_rows(min_row=2, values_only=True)
        }
        self.assertEqual(sorted(errors), [3, 4, 5, 6, 7])
        self.assertIn("is not a person of the agency", errors[3])
        self.assertIn("cannot be in the future", errors[4])
        self.assertIn("number and the date", errors[5])
        self.assertIn("Same award as row 2", errors[6])
        self.assertIn("Unknown title code", errors[7])

    def test_only_the_office_imports(self):
        for user in (self.staff, self.head, self.council):
            with self.assertRaises(AccessError):
                self.wizard(
                    [("t_staff", "LDTT", 2022, "1/QĐ", "05/01/2023", "", "", "")],
                    user=user,
                ).action_import()
