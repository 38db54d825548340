from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .movement_common import TdktMovementCommon
from .pdf_tools import flat, pdf_pages, render_pdf
from .test_registration_import import xlsx

REGISTRATION_REPORT = "tdkt_emulation.action_report_tdkt_registration"


@tagged("post_install", "-at_install")
class TestRegistrationMemberAgency(TdktMovementCommon):
    """The sector's movement: member agencies (the inspectorates of the
    province's departments) register, their people by name."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        Unit = cls.env["tdkt.unit"]

        def agency(name, sequence):
            partner = Partner.create({"name": name, "is_company": True})
            return Unit.create(
                {
                    "name": name,
                    "sequence": sequence,
                    "company_id": cls.company.id,
                    "unit_type": "agency",
                    "partner_ids": [(6, 0, partner.ids)],
                }
            )

        cls.agency_finance = agency("Thanh tra Sở Tài chính", 20)
        cls.agency_building = agency("Thanh tra Sở Xây dựng", 21)
        cls.agency_other = agency("Thanh tra Sở Y tế", 22)
        # The Office names a staff member as the Finance inspectorate's
        # registration officer (e.g. its liaison in this Odoo).
        cls.agency_finance.registrar_user_ids = cls.staff
        cls.sector = cls.create_movement(
            name="Phong trào thi đua ngành Thanh tra tỉnh năm 2024",
            scope="outside",
            scope_unit_ids=[(6, 0, (cls.agency_finance | cls.agency_building).ids)],
        )
        with freeze_time("2024-01-10"):
            cls.sector.with_user(cls.chief).action_launch()

    def register_agency(self, user=None, unit=None, lines=None, **vals):
        lines = (
            lines
            if lines is not None
            else [
                ("Nguyễn Văn Tài", "Chánh Thanh tra", self.ldtt),
                ("Nguyễn Văn Tài", "Chánh Thanh tra", self.cstdcs),
                ("Trần Thị Chính", "Thanh tra viên", self.ldtt),
            ]
        )
        values = {
            "movement_id": self.sector.id,
            "unit_id": (unit or self.agency_finance).id,
            "collective_award_type_id": self.ttldtt.id,
            "signer_name": "Nguyễn Văn Tài",
            "signer_position": "Chánh Thanh tra",
            "line_ids": [
                (
                    0,
                    0,
                    {"person_name": name, "job_title": job, "award_type_id": award.id},
                )
                for name, job, award in lines
            ],
        }
        values.update(vals)
        return (
            self.env["tdkt.registration"].with_user(user or self.office).create(values)
        )

    def test_movement_names_its_agencies(self):
        self.assertEqual(self.sector.registrant_type, "agency")
        self.assertEqual(
            self.sector.missing_unit_ids, self.agency_finance | self.agency_building
        )
        draft = self.create_movement(name="Phong trào ngành", scope="outside")
        with (
            freeze_time("2024-01-10"),
            self.assertRaisesRegex(UserError, "name the agencies taking part"),
        ):
            draft.with_user(self.chief).action_launch()
        with self.assertRaisesRegex(ValidationError, "is not an agency"):
            draft.with_user(self.office).scope_unit_ids = self.unit_office
        with self.assertRaisesRegex(ValidationError, "is not one of its departments"):
            self.create_movement(scope_unit_ids=[(6, 0, self.agency_finance.ids)])

    def test_agency_registers_office_accepts(self):
        with freeze_time("2024-01-20"):
            registration = self.register_agency(user=self.staff)
            self.assertEqual(
                sorted(registration.line_ids.mapped("person_name")),
                ["Nguyễn Văn Tài", "Nguyễn Văn Tài", "Trần Thị Chính"],
            )
            registration.with_user(self.staff).action_submit()
            registration.with_user(self.office).action_accept()
        self.assertEqual(registration.state, "accepted")
        self.assertEqual(self.sector.missing_unit_ids, self.agency_building)
        table = {
            award: values
            for award, values, _total in self.sector._tdkt_rollup_table()[1]
        }
        self.assertEqual(table[self.ldtt], [2, 0])
        self.assertEqual(table[self.ttldtt], [1, 0])

    def test_only_agencies_taking_part(self):
        with self.assertRaisesRegex(ValidationError, "Only a department registers"):
            self.env["tdkt.registration"].with_user(self.office).create(
                {"movement_id": self.movement.id, "unit_id": self.agency_finance.id}
            )
        with self.assertRaisesRegex(ValidationError, "is not an agency"):
            self.register_agency(unit=self.unit_office, lines=[])
        with self.assertRaisesRegex(ValidationError, "does not take part"):
            self.register_agency(unit=self.agency_other, lines=[])
        self.assertFalse(
            self.env["tdkt.registration"].search([("movement_id", "=", self.sector.id)])
        )

    def test_named_people_bad_input(self):
        with self.assertRaisesRegex(ValidationError, "write its people's names"):
            self.register_agency(
                lines=[],
                line_ids=[
                    (
                        0,
                        0,
                        {
                            "employee_id": self.staff_employee.id,
                            "award_type_id": self.ldtt.id,
                        },
                    )
                ],
            )
        with self.assertRaisesRegex(ValidationError, "Write the full name"):
            self.register_agency(lines=[("  ", "", self.ldtt)])
        with self.assertRaisesRegex(ValidationError, "already registered"):
            self.register_agency(
                lines=[
                    ("Nguyễn Văn Tài", "", self.ldtt),
                    ("nguyễn  văn tài", "", self.ldtt),
                ]
            )
        with self.assertRaisesRegex(ValidationError, "title for collectives"):
            self.register_agency(lines=[("Nguyễn Văn Tài", "", self.ttldtt)])
        self.assertFalse(
            self.env["tdkt.registration.line"].search(
                [("movement_id", "=", self.sector.id)]
            )
        )
        # A department's person keeps the employee's name.
        registration = self.register()
        with self.assertRaisesRegex(ValidationError, "employee's name"):
            registration.line_ids[0].with_user(self.head).person_name = "Người khác"

    def test_rights_of_other_staff(self):
        registration = self.register_agency()
        with self.assertRaises(AccessError):
            registration.with_user(self.staff_division).with_context(
                tdkt_registrar=True
            ).write({"note": "x"})
        with self.assertRaises(AccessError):
            self.register_agency(user=self.staff_division, unit=self.agency_building)
        # The named officer edits the agency's registration.
        registration.with_user(self.staff).write({"note": "Đã rà soát"})

    def test_printout_of_member_agency(self):
        with freeze_time("2024-01-20"):
            registration = self.register_agency()
            registration.with_user(self.office).action_submit()
            registration.with_user(self.office).action_accept()
        self.assertEqual(registration.agency_name, "Thanh tra Sở Tài chính")
        pdf = render_pdf(self.env, REGISTRATION_REPORT, registration)
        text = flat(" ".join(pdf_pages(pdf)))
        self.assertInOrder(
            text,
            [
                "THANH TRA SỞ TÀI CHÍNH",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "BẢNG ĐĂNG KÝ THI ĐUA",
                "Thực hiện Kế hoạch số 02/KH-TTr phát động phong trào thi đua",
                "Thanh tra Sở Tài chính đăng ký thi đua năm 2024 như sau:",
                "Tập thể lao động tiên tiến",
                "I Lao động tiên tiến (2 người)",
                "1 Nguyễn Văn Tài Chánh Thanh tra",
                "2 Trần Thị Chính Thanh tra viên",
                "II Chiến sĩ thi đua cơ sở (1 người)",
                "1 Nguyễn Văn Tài Chánh Thanh tra",
                "Nguyễn Văn Tài",
            ],
        )

    def test_import_by_name(self):
        registration = self.register_agency(lines=[])
        rows = [
            ("Lê  Văn Một", "LDTT", ""),
            ("Lê Văn Một", "CSTDCS", ""),
            ("Phạm Thị Hai", "LDTT", "Nữ"),
        ]

        def run():
            wizard = (
                self.env["tdkt.registration.import"]
                .with_user(self.office)
                .create(
                    {
                        "registration_id": registration.id,
                        "file": xlsx([("Họ và tên", "Mã danh hiệu", "Ghi chú"), *rows]),
                        "filename": "dang_ky.xlsx",
                    }
                )
            )
            wizard.action_import()
            return wizard

        self.assertEqual(run().imported_count, 3)
        self.assertEqual(
            sorted(registration.line_ids.mapped("person_name")),
            ["Lê Văn Một", "Lê Văn Một", "Phạm Thị Hai"],
        )
        # Once more: every row is already registered, nothing imported.
        self.assertEqual(run().error_count, 3)
        self.assertEqual(len(registration.line_ids), 3)

    def test_deadline_applies_to_agencies(self):
        registration = self.register_agency()
        with (
            freeze_time(date(2024, 3, 1)),
            self.assertRaisesRegex(UserError, "deadline"),
        ):
            registration.with_user(self.staff).action_submit()

    def test_cluster_members_take_part(self):
        Partner = self.env["res.partner"]
        organiser = Partner.create({"name": "Thanh tra Chính phủ", "is_company": True})
        finance_partner = self.agency_finance.partner_ids
        health = Partner.create({"name": "Thanh tra Sở Y tế mới", "is_company": True})
        cluster = (
            self.env["tdkt.cluster"]
            .with_user(self.office)
            .create(
                {
                    "name": "Cụm thi đua thử",
                    "code": "CTĐ",
                    "organiser_id": organiser.id,
                    "company_id": self.company.id,
                }
            )
        )
        self.env["tdkt.cluster.member"].with_user(self.office).create(
            [
                {
                    "cluster_id": cluster.id,
                    "year": 2024,
                    "partner_id": finance_partner.id,
                    "role": "head",
                },
                {
                    "cluster_id": cluster.id,
                    "year": 2024,
                    "partner_id": health.id,
                    "role": "deputy",
                },
            ]
        )
        movement = self.create_movement(name="Phong trào của cụm", scope="cluster")
        with (
            freeze_time("2024-01-10"),
            self.assertRaisesRegex(UserError, "choose the cluster"),
        ):
            movement.with_user(self.chief).action_launch()
        movement.with_user(self.office).cluster_id = cluster
        with self.assertRaises(AccessError):
            movement.with_user(self.staff).action_take_cluster_members()
        movement.with_user(self.office).action_take_cluster_members()
        units = movement.scope_unit_ids
        self.assertEqual(len(units), 2)
        self.assertIn(self.agency_finance, units)
        new_unit = units - self.agency_finance
        self.assertEqual(
            (new_unit.name, new_unit.unit_type, new_unit.partner_ids),
            ("Thanh tra Sở Y tế mới", "agency", health),
        )
        # Again: the same units, none created twice.
        movement.with_user(self.office).action_take_cluster_members()
        self.assertEqual(movement.scope_unit_ids, units)
        with freeze_time("2024-01-10"):
            movement.with_user(self.chief).action_launch()
        self.assertEqual(movement.missing_unit_ids, units)
