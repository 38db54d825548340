"""Query budgets of the registration form and the Office's roll-up: the same
for a unit of 10 people as for one of 300 (and a roll-up of 20 or 600
lines). Budgets count queries, never time."""

from odoo.tests import tagged, users, warmup

from .movement_common import TdktMovementCommon
from .webclient import form_spec, load_form

SMALL, LARGE = 10, 300
# Form: the registration, its lines (one batch whatever their number), the
# people and titles they name, the counts; the unit head needs one query more
# (whether they may submit, read through the unit's departments); the units
# that may register in the movement (for the unit's choice) cost two.
FORM_BUDGET = {"t_head": 14, "t_office": 13}
# Roll-up: one grouped query, plus the names of the titles and units.
ROLLUP_BUDGET = {"t_head": 3, "t_office": 3}


@tagged("post_install", "-at_install")
class TestRegistrationQueryBudget(TdktMovementCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Department = cls.env["hr.department"]
        cls.registrations = {}
        for size in (SMALL, LARGE):
            department = Department.create(
                {"name": f"Phòng {size}", "company_id": cls.company.id}
            )
            employees = cls.env["hr.employee"].create(
                [
                    {
                        "name": f"Cán bộ {size}-{index:03d}",
                        "job_title": "Thanh tra viên",
                        "company_id": cls.company.id,
                        "department_id": department.id,
                    }
                    for index in range(size)
                ]
            )
            unit = cls.env["tdkt.unit"].create(
                {
                    "name": f"Đơn vị {size}",
                    "company_id": cls.company.id,
                    "unit_type": "department",
                    "department_ids": [(6, 0, department.ids)],
                    "registrar_user_ids": [(6, 0, cls.head.ids)],
                }
            )
            lines = [
                (0, 0, {"employee_id": employee.id, "award_type_id": award.id})
                for employee in employees
                for award in (cls.ldtt, cls.cstdcs)
            ]
            cls.registrations[size] = cls.env["tdkt.registration"].create(
                {
                    "movement_id": cls.movement.id,
                    "unit_id": unit.id,
                    "collective_award_type_id": cls.ttldtt.id,
                    "signer_id": cls.head_employee.id,
                    "line_ids": lines,
                }
            )
        cls.env.flush_all()

    def assert_same_budget(self, budget, loads):
        for size, load in loads:
            with self.subTest(people=size):
                self.env.invalidate_all()
                with self.assertQueryCount(**budget):
                    result = load()
                self.assertTrue(result)

    def test_data_set(self):
        self.assertEqual(len(self.registrations[LARGE].line_ids), 2 * LARGE)

    @users("t_head", "t_office")
    @warmup
    def test_registration_form(self):
        spec = form_spec(self.env, "tdkt.registration")
        self.assert_same_budget(
            FORM_BUDGET,
            [
                (
                    size,
                    lambda r=self.registrations[size]: load_form(
                        r.with_env(self.env), spec
                    ),
                )
                for size in (SMALL, LARGE)
            ],
        )

    @users("t_head", "t_office")
    @warmup
    def test_rollup_by_title_and_unit(self):
        Line = self.env["tdkt.registration.line"]
        self.assert_same_budget(
            ROLLUP_BUDGET,
            [
                (
                    size,
                    lambda r=self.registrations[size]: Line.read_group(
                        [("registration_id", "=", r.id)],
                        ["__count"],
                        ["award_type_id", "unit_id"],
                        lazy=False,
                    ),
                )
                for size in (SMALL, LARGE)
            ],
        )
