from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from ..models.tdkt_cluster import suggest_roles
from .cluster_common import TdktClusterCommon


@tagged("post_install", "-at_install")
class TestCluster(TdktClusterCommon):
    def test_members_and_roles(self):
        self.assertEqual(self.m_head.partner_id, self.company.partner_id)
        self.assertEqual(self.m_head.member_company_id, self.company)
        self.assertEqual(self.m_deputy.member_company_id, self.other_company)
        self.assertFalse(self.m_a.member_company_id)
        self.cluster._tdkt_check_roles(2024)
        with self.assertRaisesRegex(UserError, "no head in 2025"):
            self.cluster._tdkt_check_roles(2025)

    def test_one_head_one_deputy(self):
        Member = self.env["tdkt.cluster.member"].with_user(self.office)
        for role in ("head", "deputy"):
            with self.assertRaisesRegex(ValidationError, "one head and one deputy"):
                self.m_a.with_user(self.office).role = role
        with self.assertRaisesRegex(ValidationError, "one head and one deputy"):
            Member.create(
                {
                    "cluster_id": self.cluster.id,
                    "year": 2024,
                    "partner_id": self.third_company.partner_id.id,
                    "role": "head",
                }
            )
        # The same agency can be head of one cluster and member of another.
        other = (
            self.env["tdkt.cluster"]
            .with_user(self.office)
            .create(
                {
                    "name": "Cụm II - Các cơ quan quản lý chuyên ngành",
                    "organiser_id": self.organiser.id,
                    "member_ids": [
                        (0, 0, {"year": 2024, "partner_id": self.company.partner_id.id})
                    ],
                }
            )
        )
        self.assertEqual(other.member_ids.role, "member")

    def test_member_twice(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env["tdkt.cluster.member"].with_user(self.office).create(
                {
                    "cluster_id": self.cluster.id,
                    "year": 2024,
                    "partner_id": self.outside_a.id,
                }
            )

    def test_bad_years(self):
        with self.assertRaisesRegex(ValidationError, "not valid"):
            self.cluster.with_user(self.office).year_from = 15
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self.cluster.with_user(self.office).year_to = 2010

    def test_suggest_roles(self):
        self.assertEqual(suggest_roles(0, None, None), [])
        self.assertEqual(suggest_roles(1, 0, None), ["head"])
        self.assertEqual(suggest_roles(2, 0, 1), ["deputy", "head"])
        self.assertEqual(suggest_roles(4, 0, 1), ["member", "head", "deputy", "member"])
        self.assertEqual(suggest_roles(4, 3, 0), ["head", "deputy", "member", "member"])
        for count in range(1, 12):
            for head in range(count):
                for deputy in [None, *range(count)]:
                    roles = suggest_roles(count, head, deputy)
                    self.assertEqual(roles.count("head"), 1)
                    self.assertEqual(roles.count("deputy"), 1 if count > 1 else 0)

    def test_prepare_next_year(self):
        self.cluster.with_user(self.office).action_prepare_next_year()
        members = self.cluster._tdkt_members(2025)
        self.assertEqual(len(members), 4)
        self.cluster._tdkt_check_roles(2025)
        self.assertFalse(any(members.mapped("elected_date")))
        # Only the Office prepares the year.
        with self.assertRaises(AccessError):
            self.cluster.with_user(self.staff).action_prepare_next_year()

    def test_staff_cannot_change(self):
        with self.assertRaises(AccessError):
            self.env["tdkt.cluster"].with_user(self.staff).create(
                {"name": "Cụm X", "organiser_id": self.organiser.id}
            )
        with self.assertRaises(AccessError):
            self.cluster.with_user(self.staff).with_context(
                tdkt_force=True
            ).name = "Cụm khác"
        with self.assertRaises(AccessError):
            self.m_a.with_user(self.staff).role = "deputy"

    def test_cross_company_access(self):
        # A member agency of this Odoo sees the cluster and its members...
        Cluster = self.env["tdkt.cluster"]
        self.assertEqual(Cluster.with_user(self.other_staff).search([]), self.cluster)
        self.assertEqual(
            len(
                self.env["tdkt.cluster.member"]
                .with_user(self.other_staff)
                .search([("year", "=", 2024)])
            ),
            4,
        )
        # ... but only the managing agency changes them.
        with self.assertRaises(AccessError):
            self.cluster.with_user(self.other_office).name = "Cụm khác"
        with self.assertRaises(AccessError):
            self.m_a.with_user(self.other_office).role = "member"
        # An agency outside the cluster sees nothing of it.
        self.assertFalse(Cluster.with_user(self.third_office).search([]))
        with self.assertRaises(AccessError):
            self.cluster.with_user(self.third_office).read(["name"])

    def test_unit_names_clusters(self):
        unit = self.unit_clusters.sudo()  # sudo: units are the administrators'
        unit.cluster_ids = self.cluster
        self.assertEqual(unit.cluster_ids, self.cluster)
        with self.assertRaisesRegex(ValidationError, "Emulation Cluster"):
            # sudo: as the administrators, who configure the units
            self.unit_office.sudo().cluster_ids = self.cluster

    def test_head_duties_in_plan(self):
        plan = self.create_plan(tasks_per_quarter=(1, 0, 0, 0))
        action = self.m_head.with_user(self.office).action_create_head_tasks()
        self.assertEqual(action["res_id"], plan.id)
        tasks = plan.task_ids.filtered(lambda t: "Cụm thi đua số IV" in t.name)
        self.assertEqual(sorted(tasks.mapped("quarter")), ["1", "2", "4"])
        unit = tasks.lead_unit_id
        self.assertEqual(len(unit), 1)
        self.assertEqual(unit.unit_type, "cluster")
        self.assertEqual(unit.cluster_ids, self.cluster)
        # Twice: nothing more.
        self.m_head.with_user(self.office).action_create_head_tasks()
        self.assertEqual(len(plan.task_ids), 4)

    def test_head_duties_rules(self):
        with self.assertRaisesRegex(UserError, "no draft plan for 2024"):
            self.m_head.with_user(self.office).action_create_head_tasks()
        self.create_plan(tasks_per_quarter=(1, 0, 0, 0))
        with self.assertRaisesRegex(UserError, "Only the head"):
            self.m_deputy.with_user(self.office).action_create_head_tasks()
        with self.assertRaises(AccessError):
            self.m_head.with_user(self.staff).action_create_head_tasks()
        head_outside = self.m_a
        self.m_head.with_user(self.office).role = "member"
        head_outside.with_user(self.office).role = "head"
        with self.assertRaisesRegex(UserError, "not an agency of this system"):
            head_outside.with_user(self.office).action_create_head_tasks()
