from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError

from .movement_common import TdktMovementCommon


@freeze_time("2024-12-10")
class TestAwardRecord(TdktMovementCommon):
    def record(self, user=None, **vals):
        values = {
            "company_id": self.company.id,
            "award_type_id": self.ldtt.id,
            "employee_id": self.staff_employee.id,
            "year": 2023,
            "decision_number": "12/QĐ-TTr",
            "decision_date": date(2024, 1, 5),
            "issuer": "Chánh Thanh tra tỉnh",
        }
        values.update(vals)
        return (
            self.env["tdkt.award.record"].with_user(user or self.office).create(values)
        )

    def test_office_enters_past_award(self):
        record = self.record()
        self.assertEqual(record.source, "entered")
        self.assertEqual(record.nominee_name, self.staff_employee.name)
        self.assertIn(record, self.staff_employee.tdkt_award_record_ids)
        collective = self.record(
            award_type_id=self.ttldtt.id, employee_id=False, unit_id=self.unit_office.id
        )
        self.assertIn(collective, self.unit_office.award_record_ids)

    def test_year_in_future(self):
        with self.assertRaisesRegex(ValidationError, "cannot be in the future"):
            self.record(year=2025)

    def test_decision_reference_required(self):
        with self.assertRaisesRegex(ValidationError, "number and the date"):
            self.record(decision_number=" ")
        with self.assertRaisesRegex(ValidationError, "number and the date"):
            self.record(decision_date=False)

    def test_subject_kind(self):
        with self.assertRaisesRegex(ValidationError, "for collectives"):
            self.record(award_type_id=self.ttldtt.id)
        with self.assertRaisesRegex(ValidationError, "for individuals"):
            self.record(employee_id=False, unit_id=self.unit_office.id)

    def test_twice_a_year(self):
        self.record()
        with self.assertRaisesRegex(
            ValidationError, "already has .Lao động tiên tiến. in 2023"
        ):
            self.record()

    def test_roles(self):
        record = self.record()
        for user in (self.staff, self.council, self.head):
            with self.assertRaises(AccessError):
                self.record(user=user, year=2022)
            with self.assertRaises(AccessError):
                record.with_user(user).write({"year": 2022})
            with self.assertRaises(AccessError):
                record.with_user(user).unlink()
        # Staff read their own history, not a colleague's.
        self.assertEqual(
            self.env["tdkt.award.record"].with_user(self.staff).search([]), record
        )
        self.assertFalse(
            self.env["tdkt.award.record"].with_user(self.staff_division).search([])
        )
        self.assertEqual(
            self.env["tdkt.award.record"].with_user(self.council).search_count([]), 1
        )

    def test_source_kept_by_system(self):
        record = self.record(source="proposal")
        self.assertEqual(record.source, "entered")
        with self.assertRaisesRegex(UserError, "kept by the system"):
            record.with_user(self.office).write({"source": "proposal"})
