from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .movement_common import TdktMovementCommon
from .pdf_tools import flat, pdf_pages, render_pdf

MOVEMENT_REPORT = "tdkt_emulation.action_report_tdkt_movement"


@tagged("post_install", "-at_install")
class TestMovement(TdktMovementCommon):
    def test_launch_takes_number_and_date_from_the_register(self):
        movement = self.movement
        self.assertEqual(movement.state, "launched")
        self.assertEqual(movement.document_number, "01/KH-TTr")
        self.assertEqual(movement.issue_date, date(2024, 1, 10))
        self.assertTrue(movement.is_locked)
        # The launching plan shares the agency's register of plans (KH).
        plan = self.issue(self.create_plan())
        self.assertEqual(plan.document_number, "02/KH-TTr")

    def test_launch_completes_the_plan_task(self):
        plan = self.issue(self.create_plan())
        task = plan.task_ids.filtered(lambda t: t.quarter == "1")[0]
        movement = self.create_movement(plan_task_ids=[(6, 0, task.ids)])
        self.assertEqual(task.movement_ids, movement)
        with freeze_time("2024-01-12"):
            movement.with_user(self.chief).action_launch()
        self.assertEqual(task.state, "done")
        self.assertEqual(task.done_date, date(2024, 1, 12))
        self.assertEqual(task.with_user(self.staff).movement_ids, movement)

    def test_launch_needs_titles_and_deadline(self):
        no_titles = self.create_movement(title_ids=[])
        with self.assertRaisesRegex(UserError, "opens no title"):
            no_titles.with_user(self.chief).action_launch()
        no_deadline = self.create_movement(registration_deadline=False)
        with self.assertRaisesRegex(UserError, "no registration deadline"):
            no_deadline.with_user(self.chief).action_launch()
        # The same through a client's write of the state.
        with self.assertRaisesRegex(UserError, "no registration deadline"):
            no_deadline.with_user(self.chief).write({"state": "launched"})
        self.assertEqual(no_deadline.state, "draft")
        self.assertFalse(no_deadline.number)

    def test_lifecycle_rights(self):
        draft = self.create_movement()
        with self.assertRaises(AccessError):
            draft.with_user(self.office).action_launch()
        with self.assertRaises(AccessError):
            draft.with_user(self.office).with_context(tdkt_force=True).write(
                {"state": "launched"}
            )
        with self.assertRaises(AccessError):
            self.env["tdkt.movement"].with_user(self.staff).create(
                {"name": "X", "year": 2024, "company_id": self.company.id}
            )
        # A client cannot create a launched movement.
        created = self.create_movement(state="launched")
        self.assertEqual(created.state, "draft")
        # Staff read launched movements only; the council reads all.
        Movement = self.env["tdkt.movement"]
        self.assertIn(self.movement, Movement.with_user(self.staff).search([]))
        self.assertNotIn(draft, Movement.with_user(self.staff).search([]))
        self.assertIn(draft, Movement.with_user(self.council).search([]))
        with self.assertRaises(AccessError):
            self.movement.with_user(self.council).action_review()
        # Office starts the review, the Chief closes and reopens with a reason.
        self.movement.with_user(self.office).action_review()
        self.assertEqual(self.movement.state, "reviewing")
        with self.assertRaises(AccessError):
            self.movement.with_user(self.office).action_close()
        self.movement.with_user(self.chief).action_close()
        action = self.movement.with_user(self.chief).action_reopen()
        self.assertEqual(action["res_model"], "tdkt.document.reason.wizard")
        self.assertEqual(self.movement.state, "closed")
        self.with_reason(self.chief, action, "Bổ sung đề nghị")
        self.assertEqual(self.movement.state, "reviewing")
        self.assertIn("Bổ sung đề nghị", self.movement.message_ids[0].body.striptags())

    def test_launched_movement_is_locked_with_its_titles(self):
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            self.movement.with_user(self.office).write({"slogan": "Khác"})
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            self.env["tdkt.movement.title"].with_user(self.office).create(
                {"movement_id": self.movement.id, "award_type_id": self.ttldxs.id}
            )
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            self.movement.title_ids[0].with_user(self.office).write({"criteria": "X"})
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            self.movement.title_ids[0].with_user(self.office).unlink()

    def test_bad_dates_and_text(self):
        with self.assertRaisesRegex(ValidationError, "proposal deadline"):
            self.create_movement(proposal_deadline=date(2024, 1, 1))
        with self.assertRaisesRegex(UserError, "too long"):
            self.create_movement(slogan="x" * 501)

    def test_launching_plan_printout(self):
        pdf = render_pdf(self.env, MOVEMENT_REPORT, self.movement)
        text = flat(" ".join(pdf_pages(pdf)))
        self.assertInOrder(
            text,
            [
                "UBND TỈNH THỬ NGHIỆM",
                "THANH TRA TỈNH",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Số: 01/KH-TTr",
                "Lạng Sơn, ngày 10 tháng 01 năm 2024",
                "KẾ HOẠCH",
                "Phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ năm 2024",
                "Căn cứ Luật Thi đua, khen thưởng 2022.",
                "Khẩu hiệu thi đua: “Đoàn kết, kỷ cương, sáng tạo”.",
                "I. NỘI DUNG, CHỈ TIÊU THI ĐUA",
                "II. DANH HIỆU THI ĐUA, HÌNH THỨC KHEN THƯỞNG",
                "1 Tập thể lao động tiên tiến Tập thể Hoàn thành tốt nhiệm vụ",
                "2 Lao động tiên tiến Cá nhân",
                "3 Chiến sĩ thi đua cơ sở Cá nhân",
                "III. THỜI HẠN ĐĂNG KÝ VÀ ĐỀ NGHỊ KHEN THƯỞNG",
                "trước ngày 15/02/2024.",
                "trước ngày 30/11/2024.",
                "IV. TỔ CHỨC THỰC HIỆN",
                "Nơi nhận:",
                "- Lưu: VT, VP.",
                "CHÁNH THANH TRA",
                "Đậu Trường An",
            ],
        )
        self.assertNotIn("DỰ THẢO", text)
        draft = self.create_movement()
        text = flat(" ".join(pdf_pages(render_pdf(self.env, MOVEMENT_REPORT, draft))))
        self.assertInOrder(text, ["DỰ THẢO", "Số:", "/KH-TTr", "KẾ HOẠCH"])

    def test_registration_rules_shown_with_their_basis(self):
        rules = self.movement.rule_ids
        self.assertEqual(
            set(rules.mapped("code")),
            {
                "REG_SUBJECT",
                "REG_CSTDCS_WITH_LDTT",
                "REG_SAME_TITLE_ONCE",
                "REG_DEADLINE",
            },
        )
        together = rules.filtered(lambda r: r.code == "REG_CSTDCS_WITH_LDTT")
        self.assertEqual(
            together.with_user(self.staff).basis,
            "Điều 23 Luật Thi đua, khen thưởng số 06/2022/QH15",
        )
        # A movement launched under the amended law also shows its transition.
        later = self.create_movement(year=2026, issue_date=date(2026, 11, 2))
        self.assertIn("TRANSITION_2026", later.rule_ids.mapped("code"))
        # Without LĐTT or CSTĐCS open, their rule does not apply.
        collective = self.create_movement(
            title_ids=[(0, 0, {"award_type_id": self.ttldtt.id})]
        )
        self.assertNotIn("REG_CSTDCS_WITH_LDTT", collective.rule_ids.mapped("code"))
