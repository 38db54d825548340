from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .movement_common import TdktMovementCommon
from .pdf_tools import flat, pdf_pages, render_pdf

REGISTRATION_REPORT = "tdkt_emulation.action_report_tdkt_registration"


@tagged("post_install", "-at_install")
class TestRegistration(TdktMovementCommon):
    def test_unit_submits_office_returns_unit_resubmits_office_accepts(self):
        with freeze_time("2024-01-20"):
            registration = self.register()
            self.assertEqual(registration.state, "draft")
            self.assertEqual(registration.year, 2024)
            self.assertEqual(registration.company_id, self.company)
            self.assertEqual(registration.signer_id, self.head_employee)
            self.assertEqual(
                registration.name, "Đăng ký thi đua năm 2024 - Văn phòng Thanh tra tỉnh"
            )
            registration.with_user(self.head).action_submit()
            self.assertEqual(registration.state, "submitted")
            self.assertEqual(registration.submitted_date, date(2024, 1, 20))
            # Under review: the unit can no longer change it.
            with self.assertRaisesRegex(UserError, "the Office reviews it"):
                registration.with_user(self.head).write({"note": "Khác"})
            action = registration.with_user(self.office).action_return()
            self.assertEqual(registration.state, "submitted")
            self.with_reason(self.office, action, "Thiếu danh hiệu của Phòng")
            self.assertEqual(registration.state, "returned")
            self.assertIn(
                "Thiếu danh hiệu của Phòng",
                registration.message_ids[0].body.striptags(),
            )
            registration.with_user(self.head).write(
                {
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "employee_id": self.head_employee.id,
                                "award_type_id": self.cstdcs.id,
                            },
                        )
                    ]
                }
            )
            registration.with_user(self.head).action_submit()
        with freeze_time("2024-02-20"):
            # Submitted on time, accepted after the deadline: not late.
            registration.with_user(self.office).action_accept()
        self.assertEqual(registration.state, "accepted")
        self.assertFalse(registration.is_late)
        self.assertEqual(registration.issue_date, date(2024, 2, 20))
        self.assertEqual(registration.line_count, 4)
        self.assertEqual(set(registration.line_ids.mapped("state")), {"accepted"})

    def test_accepted_registration_is_locked(self):
        with freeze_time("2024-01-20"):
            registration = self.register()
            registration.with_user(self.head).action_submit()
            registration.with_user(self.office).action_accept()
        for user in (self.head, self.office):
            with self.assertRaisesRegex(UserError, "can no longer be changed"):
                registration.with_user(user).write({"note": "Sửa"})
            with self.assertRaisesRegex(UserError, "can no longer be changed"):
                registration.line_ids[0].with_user(user).write({"note": "Sửa"})
            with self.assertRaisesRegex(UserError, "can no longer be changed"):
                registration.line_ids[0].with_user(user).unlink()
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            self.env["tdkt.registration.line"].with_user(self.office).create(
                {
                    "registration_id": registration.id,
                    "employee_id": self.head_employee.id,
                    "award_type_id": self.giay_khen_cn.id,
                }
            )
        with self.assertRaises(UserError):
            registration.with_user(self.office).action_return()

    def test_subject_must_match(self):
        with self.assertRaisesRegex(ValidationError, "title for collectives"):
            self.register(lines=[(self.staff_employee, self.ttldtt)])
        with self.assertRaisesRegex(ValidationError, "title for individuals"):
            self.register(lines=[], collective_award_type_id=self.ldtt.id)
        self.assertFalse(self.movement.registration_ids)

    def test_title_must_be_open_in_the_movement(self):
        with self.assertRaisesRegex(ValidationError, "not open for registration"):
            self.register(lines=[], collective_award_type_id=self.ttldxs.id)
        kyniem = self.env.ref("tdkt_emulation.tdkt_award_type_ky_niem_chuong")
        with self.assertRaisesRegex(ValidationError, "not open for registration"):
            self.register(lines=[(self.staff_employee, kyniem)])

    def test_same_person_and_title_once_a_year(self):
        # LĐTT and CSTĐCS together: allowed.
        registration = self.register()
        self.assertEqual(len(registration.line_ids), 3)
        with self.assertRaisesRegex(ValidationError, "once a year"):
            registration.with_user(self.head).write(
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
        # Another movement of the same year: still once a year.
        thematic = self.create_movement(name="Đợt thi đua chuyên đề", kind="thematic")
        with freeze_time("2024-01-10"):
            thematic.with_user(self.chief).action_launch()
        with self.assertRaisesRegex(ValidationError, "once a year"):
            self.register(
                movement_id=thematic.id,
                lines=[(self.staff_employee, self.ldtt)],
                collective_award_type_id=False,
            )
        with self.assertRaisesRegex(ValidationError, "already registered for"):
            self.register(movement_id=thematic.id, lines=[])

    def test_person_of_another_unit_and_unit_kind(self):
        with self.assertRaisesRegex(ValidationError, "does not work in"):
            self.register(lines=[(self.staff_div_employee, self.ldtt)])
        with self.assertRaisesRegex(ValidationError, "Only a department registers"):
            self.register(user=self.office, unit=self.unit_division, lines=[])

    def test_deadline_and_late_acceptance(self):
        with freeze_time("2024-02-20"):
            registration = self.register()
            with self.assertRaisesRegex(UserError, "deadline of the movement"):
                registration.with_user(self.head).action_submit()
            with self.assertRaisesRegex(UserError, "deadline of the movement"):
                registration.with_user(self.office).action_submit()
            with self.assertRaisesRegex(UserError, "deadline of the movement"):
                registration.with_user(self.head).write({"state": "submitted"})
            self.assertEqual(registration.state, "draft")
            with self.assertRaises(AccessError):
                registration.with_user(self.head).action_accept_late()
            action = registration.with_user(self.office).action_accept_late()
            self.assertEqual(registration.state, "draft")
            self.with_reason(self.office, action, "Đơn vị đi công tác dài ngày")
        self.assertEqual(registration.state, "accepted")
        self.assertTrue(registration.is_late)
        self.assertEqual(registration.submitted_date, date(2024, 2, 20))
        self.assertIn(
            "Đơn vị đi công tác dài ngày",
            registration.message_ids[0].body.striptags(),
        )

    def test_empty_registration_cannot_be_submitted(self):
        with freeze_time("2024-01-20"):
            registration = self.register(lines=[], collective_award_type_id=False)
            with self.assertRaisesRegex(UserError, "registers for nothing"):
                registration.with_user(self.head).action_submit()

    def test_units_not_registered(self):
        self.assertEqual(
            self.movement.missing_unit_ids, self.unit_office | self.unit_div1
        )
        self.register()
        self.movement.invalidate_recordset(["missing_unit_ids"])
        self.assertEqual(self.movement.missing_unit_ids, self.unit_div1)

    def test_registration_printout(self):
        with freeze_time("2024-01-20"):
            registration = self.register()
            registration.with_user(self.head).action_submit()
            registration.with_user(self.office).action_accept()
        pdf = render_pdf(self.env, REGISTRATION_REPORT, registration)
        text = flat(" ".join(pdf_pages(pdf)))
        self.assertInOrder(
            text,
            [
                "THANH TRA TỈNH",
                "VĂN PHÒNG THANH TRA TỈNH",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Lạng Sơn, ngày 20 tháng 01 năm 2024",
                "BẢNG ĐĂNG KÝ THI ĐUA",
                "Năm 2024",
                "Kính gửi: Hội đồng Thi đua - Khen thưởng Thanh tra tỉnh Thử nghiệm.",
                "Thực hiện Kế hoạch số 01/KH-TTr phát động phong trào thi đua",
                "Văn phòng Thanh tra tỉnh đăng ký thi đua năm 2024 như sau:",
                "1. Danh hiệu thi đua tập thể",
                "Tập thể lao động tiên tiến",
                "2. Danh hiệu thi đua, hình thức khen thưởng cá nhân",
                "I Lao động tiên tiến (2 người)",
                "1 Hoàng Văn Trưởng Chánh Văn phòng",
                "2 t_staff Chuyên viên",
                "II Chiến sĩ thi đua cơ sở (1 người)",
                "1 t_staff Chuyên viên",
                "CHÁNH VĂN PHÒNG",
                "Hoàng Văn Trưởng",
            ],
        )
        self.assertNotIn("Số:", text)
        self.assertNotIn("DỰ THẢO", text)

    def test_errors_in_vietnamese(self):
        # The web client sends the user's language in the context.
        self.env = self.env(context=dict(self.env.context, lang="vi_VN"))
        with self.assertRaisesRegex(ValidationError, "là danh hiệu dành cho tập thể"):
            self.register(lines=[(self.staff_employee, self.ttldtt)])
        registration = self.register()
        with (
            freeze_time("2024-02-20"),
            self.assertRaisesRegex(UserError, "Đã quá hạn đăng ký của phong trào"),
        ):
            registration.with_user(self.head).action_submit()
        with self.assertRaisesRegex(
            ValidationError, "mỗi danh hiệu chỉ đăng ký một lần"
        ):
            registration.with_user(self.head).write(
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
