from datetime import date

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestRegistrationTour(HttpCase):
    """A unit submits, the Office returns with a reason, the unit resubmits,
    the Office accepts: four browser journeys on one registration."""

    def test_submit_return_resubmit_accept(self):
        ref = self.env.ref
        movement = self.env["tdkt.movement"].create(
            {
                "name": "Phong trào thi đua hành trình",
                "company_id": ref("base.main_company").id,
                "year": 2030,
                "signer_id": ref("tdkt_emulation.hr_employee_chief_demo").id,
                # A deadline to come: the unit submits on time.
                "registration_deadline": date(2030, 2, 15),
                "title_ids": [
                    (
                        0,
                        0,
                        {
                            "award_type_id": ref(
                                "tdkt_emulation.tdkt_award_type_ldtt"
                            ).id
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "award_type_id": ref(
                                "tdkt_emulation.tdkt_award_type_ttldtt"
                            ).id
                        },
                    ),
                ],
            }
        )
        movement.action_launch()
        registration = self.env["tdkt.registration"].create(
            {
                "movement_id": movement.id,
                "unit_id": ref("tdkt_emulation.tdkt_unit_division1_demo").id,
                "collective_award_type_id": ref(
                    "tdkt_emulation.tdkt_award_type_ttldtt"
                ).id,
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "employee_id": ref(
                                "tdkt_emulation.hr_employee_staff2_demo"
                            ).id,
                            "award_type_id": ref(
                                "tdkt_emulation.tdkt_award_type_ldtt"
                            ).id,
                        },
                    )
                ],
            }
        )
        url = f"/odoo/action-tdkt_emulation.tdkt_registration_action/{registration.id}"
        # staff2 registers for Phòng Nghiệp vụ 1 (named by the Office).
        self.start_tour(url, "tdkt_registration_unit_submit", login="staff2")
        self.env.invalidate_all()
        self.assertEqual(registration.state, "submitted")
        self.start_tour(url, "tdkt_registration_office_return", login="office")
        self.env.invalidate_all()
        self.assertEqual(registration.state, "returned")
        self.assertIn(
            "Bổ sung chức vụ của cán bộ", registration.message_ids[0].body.striptags()
        )
        self.start_tour(url, "tdkt_registration_unit_resubmit", login="staff2")
        self.env.invalidate_all()
        self.assertEqual(registration.state, "submitted")
        self.assertEqual(registration.note, "Đã bổ sung chức vụ")
        self.start_tour(url, "tdkt_registration_office_accept", login="office")
        self.env.invalidate_all()
        self.assertEqual(registration.state, "accepted")
        self.assertFalse(registration.is_late)

    def test_member_agency_named_people(self):
        ref = self.env.ref
        units = ref("tdkt_emulation.tdkt_unit_inspectorate_finance_demo") | ref(
            "tdkt_emulation.tdkt_unit_inspectorate_building_demo"
        )
        movement = self.env["tdkt.movement"].create(
            {
                "name": "Phong trào thi đua ngành hành trình",
                "company_id": ref("base.main_company").id,
                "year": 2030,
                "scope": "outside",
                "scope_unit_ids": [(6, 0, units.ids)],
                "signer_id": ref("tdkt_emulation.hr_employee_chief_demo").id,
                "registration_deadline": date(2030, 2, 15),
                "title_ids": [
                    (
                        0,
                        0,
                        {
                            "award_type_id": ref(
                                "tdkt_emulation.tdkt_award_type_giay_khen_cn"
                            ).id
                        },
                    )
                ],
            }
        )
        movement.action_launch()
        registration = self.env["tdkt.registration"].create(
            {
                "movement_id": movement.id,
                "unit_id": units[0].id,
                "signer_name": "Hoàng Minh Đức",
                "signer_position": "Chánh Thanh tra",
            }
        )
        url = f"/odoo/action-tdkt_emulation.tdkt_registration_action/{registration.id}"
        self.start_tour(url, "tdkt_registration_agency_named_people", login="office")
        self.env.invalidate_all()
        self.assertEqual(registration.state, "submitted")
        self.assertEqual(
            [
                (line.person_name, line.job_title, line.employee_id.id)
                for line in registration.line_ids
            ],
            [("Đinh Văn Giao", "Thanh tra viên", False)],
        )
