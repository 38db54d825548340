from datetime import date

from .movement_common import TdktMovementCommon


class TdktProposalCommon(TdktMovementCommon):
    """A 2024 dossier of the Office's unit, drafted by its head, and helpers
    for the award history."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.cstd_tinh = ref("tdkt_emulation.tdkt_award_type_cstd_bo_tinh")
        cls.bang_khen_cn = ref("tdkt_emulation.tdkt_award_type_bang_khen_bo_tinh_cn")
        cls.office_employee = cls.env["hr.employee"].search(
            [("user_id", "=", cls.office.id)]
        )

    @classmethod
    def staffed_unit(cls, env, size, tag="", **unit_vals):
        """A new department of ``size`` employees and its unit (for the
        query budgets: small and large data sets); ``tag`` tells apart the
        names of several of one size."""
        department = env["hr.department"].create(
            {"name": f"Phòng {tag}{size}", "company_id": cls.company.id}
        )
        employees = env["hr.employee"].create(
            [
                {
                    "name": f"Cán bộ {tag}{size}-{index:03d}",
                    "job_title": "Thanh tra viên",
                    "company_id": cls.company.id,
                    "department_id": department.id,
                }
                for index in range(size)
            ]
        )
        unit = env["tdkt.unit"].create(
            {
                "name": f"Đơn vị {tag}{size}",
                "company_id": cls.company.id,
                "unit_type": "department",
                "department_ids": [(6, 0, department.ids)],
                **unit_vals,
            }
        )
        return unit, employees

    def assert_same_budget(self, budget, loads):
        """Each of ``loads`` (size, callable) costs the queries of
        ``budget``, from an empty cache as a request starts."""
        for size, load in loads:
            with self.subTest(size=size):
                self.env.invalidate_all()
                with self.assertQueryCount(**budget):
                    load()

    def dossier(self, year=2024, unit=None, user=None):
        return (
            self.env["tdkt.award.dossier"]
            .with_user(user or self.head)
            .create(
                {
                    "company_id": self.company.id,
                    "year": year,
                    "unit_id": (unit or self.unit_office).id,
                }
            )
        )

    def propose(self, dossier, award, employee=None, user=None, **facts):
        values = {"dossier_id": dossier.id, "award_type_id": award.id}
        if employee:
            values["employee_id"] = employee.id
        values.update(facts)
        return (
            self.env["tdkt.award.proposal"].with_user(user or self.head).create(values)
        )

    def history(self, employee, award, *years, unit=None):
        return self.env["tdkt.award.record"].create(
            [
                {
                    "company_id": self.company.id,
                    "award_type_id": award.id,
                    "employee_id": employee.id if employee else False,
                    "unit_id": unit.id if unit else False,
                    "year": year,
                    "decision_number": f"{year % 100:02d}/QĐ-TTr",
                    "decision_date": date(year + 1, 1, 10),
                }
                for year in years
            ]
        )

    def check(self, proposal, code):
        """The check ``code`` of ``proposal``: (status, basis, detail)."""
        checks = proposal.check_ids.filtered(lambda c: c.code == code)
        self.assertEqual(len(checks), 1, f"{code}: {proposal.check_ids.mapped('code')}")
        return checks.status, checks.basis, checks.detail or ""
