from datetime import date

from freezegun import freeze_time

from odoo.tests import new_test_user

from .common import TdktCommon


class TdktMovementCommon(TdktCommon):
    """A launched 2024 movement, unit heads and staff of two departments."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.ldtt = ref("tdkt_emulation.tdkt_award_type_ldtt")
        cls.cstdcs = ref("tdkt_emulation.tdkt_award_type_cstdcs")
        cls.ttldtt = ref("tdkt_emulation.tdkt_award_type_ttldtt")
        cls.ttldxs = ref("tdkt_emulation.tdkt_award_type_ttldxs")
        cls.giay_khen_cn = ref("tdkt_emulation.tdkt_award_type_giay_khen_cn")

        def person(login, department, name, job=None, head=False):
            user = new_test_user(
                cls.env,
                login=login,
                name=name,
                groups="base.group_user,tdkt_emulation.group_tdkt_user",
                company_id=cls.company.id,
                company_ids=[(6, 0, cls.company.ids)],
            )
            employee = cls.env["hr.employee"].create(
                {
                    "name": name,
                    "user_id": user.id,
                    "job_title": job,
                    "company_id": cls.company.id,
                    "department_id": department.id,
                }
            )
            if head:
                department.manager_id = employee
            return user, employee

        cls.head, cls.head_employee = person(
            "t_head", cls.dep_office, "Hoàng Văn Trưởng", "Chánh Văn phòng", True
        )
        cls.head_div, cls.head_div_employee = person(
            "t_head_div", cls.dep_division, "Lý Thị Phòng", "Trưởng phòng", True
        )
        Employee = cls.env["hr.employee"]
        cls.staff_employee = Employee.search([("user_id", "=", cls.staff.id)])
        cls.staff_employee.job_title = "Chuyên viên"
        cls.staff_div_employee = Employee.search(
            [("user_id", "=", cls.staff_division.id)]
        )
        cls.unit_div1 = cls.env["tdkt.unit"].create(
            {
                "name": "Phòng Nghiệp vụ 1",
                "sequence": 3,
                "company_id": cls.company.id,
                "unit_type": "department",
                "department_ids": [(6, 0, cls.dep_division.ids)],
            }
        )
        cls.movement = cls.create_movement()
        with freeze_time("2024-01-10"):
            cls.movement.with_user(cls.chief).action_launch()

    @classmethod
    def create_movement(cls, **vals):
        values = {
            "name": "Phong trào thi đua thực hiện thắng lợi nhiệm vụ năm 2024",
            "company_id": cls.company.id,
            "year": 2024,
            "kind": "regular",
            "slogan": "Đoàn kết, kỷ cương, sáng tạo",
            "signer_id": cls.chief_employee.id,
            "registration_deadline": date(2024, 2, 15),
            "proposal_deadline": date(2024, 11, 30),
            "title_ids": [
                (0, 0, {"sequence": seq, "award_type_id": award.id, "criteria": crit})
                for seq, award, crit in (
                    (1, cls.ttldtt, "Hoàn thành tốt nhiệm vụ"),
                    (2, cls.ldtt, "Hoàn thành tốt nhiệm vụ trở lên"),
                    (3, cls.cstdcs, "Có sáng kiến được công nhận"),
                    (4, cls.giay_khen_cn, "Thành tích xuất sắc"),
                )
            ],
            "legal_basis_ids": [(0, 0, {"name": "Luật Thi đua, khen thưởng 2022"})],
            "recipient_ids": [(0, 0, {"name": "Lưu: VT, VP."})],
        }
        values.update(vals)
        return cls.env["tdkt.movement"].with_user(cls.office).create(values)

    def register(self, user=None, unit=None, lines=None, **vals):
        """A draft registration of the Office's unit, made by its head."""
        user = user or self.head
        unit = unit or self.unit_office
        if lines is None:
            lines = [
                (self.staff_employee, self.ldtt),
                (self.staff_employee, self.cstdcs),
                (self.head_employee, self.ldtt),
            ]
        values = {
            "movement_id": self.movement.id,
            "unit_id": unit.id,
            "collective_award_type_id": self.ttldtt.id,
            "line_ids": [
                (0, 0, {"employee_id": employee.id, "award_type_id": award.id})
                for employee, award in lines
            ],
        }
        values.update(vals)
        return self.env["tdkt.registration"].with_user(user).create(values)

    def with_reason(self, user, action, reason):
        """Answer the reason dialog of ``action`` as ``user``."""
        wizard = (
            self.env["tdkt.document.reason.wizard"]
            .with_user(user)
            .with_context(**action["context"])
            .create({"reason": reason})
        )
        return wizard.action_confirm()
