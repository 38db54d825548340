from contextlib import contextmanager

from odoo.tests import TransactionCase, new_test_user
from odoo.tests.common import get_db_name


def xmlrpc_call(case, user, model, method, *args, **kwargs):
    """Call ``model.method`` over XML-RPC as ``user`` from an HttpCase,
    logging in with the password ``new_test_user`` gave (the login padded
    with "x" to eight characters)."""
    db = get_db_name()
    password = user.login.ljust(8, "x")
    uid = case.xmlrpc_common.authenticate(db, user.login, password, {})
    case.assertTrue(uid, f"{user.login} does not authenticate")
    return case.xmlrpc_object.execute_kw(
        db, uid, password, model, method, list(args), kwargs
    )


class TdktCommon(TransactionCase):
    """Agency, departments, units and one user per role, without demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env["res.company"].create(
            {
                "name": "Thanh tra tỉnh Thử nghiệm",
                "tdkt_agency_code": "TTr",
                "tdkt_header_name": "THANH TRA TỈNH",
                "tdkt_parent_agency_name": "UBND TỈNH THỬ NGHIỆM",
                "tdkt_place_name": "Lạng Sơn",
            }
        )
        cls.other_company = cls.env["res.company"].create(
            {"name": "Thanh tra tỉnh Khác"}
        )
        Department = cls.env["hr.department"]
        cls.dep_office = Department.create(
            {"name": "Văn phòng", "company_id": cls.company.id}
        )
        cls.dep_division = Department.create(
            {"name": "Phòng Nghiệp vụ 1", "company_id": cls.company.id}
        )

        def user(login, group, department=None, name=None):
            user = new_test_user(
                cls.env,
                login=login,
                name=name or login,
                groups=f"base.group_user,{group}",
                company_id=cls.company.id,
                company_ids=[(6, 0, cls.company.ids)],
            )
            employee = cls.env["hr.employee"].create(
                {
                    "name": user.name,
                    "user_id": user.id,
                    "company_id": cls.company.id,
                    "department_id": department.id if department else False,
                }
            )
            return user, employee

        cls.staff, _ = user("t_staff", "tdkt_emulation.group_tdkt_user", cls.dep_office)
        cls.staff_division, _ = user(
            "t_staff_div", "tdkt_emulation.group_tdkt_user", cls.dep_division
        )
        cls.office, _ = user(
            "t_office", "tdkt_emulation.group_tdkt_office", cls.dep_office
        )
        cls.council, _ = user("t_council", "tdkt_emulation.group_tdkt_council")
        cls.chief, cls.chief_employee = user(
            "t_chief", "tdkt_emulation.group_tdkt_chief", name="Đậu Trường An"
        )
        cls.chief_employee.job_title = "Chánh Thanh tra"
        cls.admin_tdkt, _ = user("t_admin", "tdkt_emulation.group_tdkt_admin")
        cls.outsider = new_test_user(
            cls.env, login="t_outsider", groups="base.group_user"
        )

        (
            cls.unit_office,
            cls.unit_division,
            cls.unit_clusters,
            cls.unit_sectors,
        ) = cls.env["tdkt.unit"].create(
            [
                {
                    "name": name,
                    "sequence": sequence,
                    "company_id": cls.company.id,
                    "unit_type": unit_type,
                    "department_ids": [(6, 0, departments.ids)],
                }
                for name, sequence, unit_type, departments in (
                    ("Văn phòng Thanh tra tỉnh", 1, "department", cls.dep_office),
                    ("Các Phòng nghiệp vụ", 2, "department_group", cls.dep_division),
                    ("Các cụm thi đua", 10, "cluster", Department),
                    ("Thanh tra các sở, ban, ngành", 20, "external", Department),
                )
            ]
        )

    def assertInOrder(self, text, parts):
        """Each of ``parts`` is found in ``text``, in this order."""
        position = 0
        for part in parts:
            found = text.find(part, position)
            self.assertNotEqual(
                found, -1, f"{part!r} missing after position {position}"
            )
            position = found + len(part)

    @contextmanager
    def assertRaisesRegex(self, exception, regex, msg=None):
        """Odoo wraps only assertRaises in a savepoint that rolls the failed
        operation back; route the regex variant through it."""
        with self.assertRaises(exception) as cm:
            yield cm
        self.assertRegex(str(cm.exception), regex, msg)

    @classmethod
    def create_plan(cls, year=2024, tasks_per_quarter=(2, 1, 1, 1), **vals):
        """A draft plan with tasks led by the Office, signed by the chief."""
        tasks = []
        for index, count in enumerate(tasks_per_quarter):
            quarter = str(index + 1)
            for row in range(count):
                tasks.append(
                    (
                        0,
                        0,
                        {
                            "quarter": quarter,
                            "name": f"Nhiệm vụ {row + 1} quý {quarter}",
                            "lead_unit_id": cls.unit_office.id,
                            "cooperating_unit_ids": [(6, 0, cls.unit_division.ids)],
                        },
                    )
                )
        values = {
            "name": f"Thực hiện công tác thi đua, khen thưởng năm {year}",
            "company_id": cls.company.id,
            "year": year,
            "signer_id": cls.chief_employee.id,
            "task_ids": tasks,
            "legal_basis_ids": [(0, 0, {"name": "Luật Thi đua, Khen thưởng năm 2022"})],
            "recipient_ids": [(0, 0, {"name": "Lưu: VT, TĐKT."})],
        }
        values.update(vals)
        return cls.env["tdkt.plan"].create(values)

    @classmethod
    def fill_sections(cls, document, bodies):
        """Write the text of ``document``'s sections, by heading."""
        for section in document.section_ids:
            if section.name in bodies:
                section.body = bodies[section.name]
        return document

    @classmethod
    def issue(cls, plan):
        plan.with_user(cls.chief).action_issue()
        return plan

    def cancel_with_reason(self, document, reason="Ban hành nhầm"):
        """Cancel an issued document as the Chief, through the reason dialog."""
        action = document.with_user(self.chief).action_cancel()
        wizard = (
            self.env["tdkt.document.reason.wizard"]
            .with_user(self.chief)
            .with_context(**action["context"])
            .create({"reason": reason})
        )
        return wizard.action_confirm()

    def close_plan(self, plan, reason="Kết thúc năm thực hiện"):
        """Close a plan as the Chief, confirming in the dialog when tasks are
        left unfinished."""
        action = plan.with_user(self.chief).action_close()
        if isinstance(action, dict):
            self.env[action["res_model"]].with_user(self.chief).with_context(
                **action["context"]
            ).create({"reason": reason}).action_confirm()
        return plan
