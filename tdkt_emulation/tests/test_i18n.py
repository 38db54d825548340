import importlib.util
import re
from pathlib import Path

import polib

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools.misc import file_path

from .common import TdktCommon

PLACEHOLDER = re.compile(r"%\(\w+\)[sdfr]|%[sdfr]")


@tagged("post_install", "-at_install")
class TestI18n(TdktCommon):
    """The addon reads in Vietnamese: i18n/vi.po is loaded and complete."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # scripts/test.sh installs with --load-language=vi_VN; a database
        # without it gets the language and this addon's terms here.
        if not cls.env["res.lang"]._lang_get("vi_VN"):
            cls.env["res.lang"]._activate_lang("vi_VN")
            cls.env["ir.module.module"]._load_module_terms(
                ["tdkt_emulation"], ["vi_VN"]
            )
        cls.env_vi = cls.env(context=dict(cls.env.context, lang="vi_VN"))

    def test_menus_and_actions(self):
        ref = self.env_vi.ref
        expected = {
            "tdkt_emulation_menu_root": "Thi đua, khen thưởng",
            "tdkt_plan_menu": "Kế hoạch",
            "tdkt_plan_task_menu_root": "Nhiệm vụ",
            "group_tdkt_user": "Cán bộ, công chức",
            "group_tdkt_chief": "Thủ trưởng cơ quan",
            # Not "Văn phòng": the role would read as the unit of that name.
            "group_tdkt_office": "Thường trực TĐKT",
        }
        for xmlid, name in expected.items():
            self.assertEqual(ref(f"tdkt_emulation.{xmlid}").name, name)
        # The English source is still there for English users.
        self.assertEqual(
            self.env(context=dict(self.env.context, lang="en_US"))
            .ref("tdkt_emulation.tdkt_plan_menu")
            .name,
            "Plans",
        )

    def test_selections_and_labels(self):
        Task = self.env_vi["tdkt.plan.task"]
        quarters = dict(Task._fields["quarter"]._description_selection(self.env_vi))
        self.assertEqual(
            [quarters[q] for q in "1234"], ["Quý I", "Quý II", "Quý III", "Quý IV"]
        )
        states = dict(Task._fields["state"]._description_selection(self.env_vi))
        self.assertEqual(states["todo"], "Chưa thực hiện")
        self.assertEqual(states["not_applicable"], "Không thực hiện")
        plan_states = dict(
            self.env_vi["tdkt.plan"]
            ._fields["state"]
            ._description_selection(self.env_vi)
        )
        self.assertEqual(plan_states["draft"], "Dự thảo")
        self.assertEqual(plan_states["issued"], "Đã ban hành")
        fields = Task.fields_get(["lead_unit_id", "cooperating_unit_ids", "row_number"])
        self.assertEqual(fields["lead_unit_id"]["string"], "Đơn vị chủ trì")
        self.assertEqual(fields["cooperating_unit_ids"]["string"], "Đơn vị phối hợp")
        self.assertEqual(fields["row_number"]["string"], "STT")

    def test_view_terms(self):
        arch = self.env_vi["tdkt.plan.task"].get_views([(False, "kanban")])["views"][
            "kanban"
        ]["arch"]
        self.assertIn('title="Đơn vị chủ trì"', arch)
        self.assertIn(">Quá hạn</span>", arch)
        self.assertNotIn("Lead unit", arch)

    def test_error_messages(self):
        plan = self.create_plan(tasks_per_quarter=(0, 0, 0, 0))
        with self.assertRaisesRegex(UserError, "chưa có nhiệm vụ nào"):
            plan.with_user(self.chief).with_context(lang="vi_VN").action_issue()
        with self.assertRaises(AccessError) as caught:
            plan.with_user(self.office).with_context(lang="vi_VN").action_issue()
        self.assertEqual(
            str(caught.exception),
            "Chỉ nhóm 'Thủ trưởng cơ quan' mới được ban hành "
            "'Thực hiện công tác thi đua, khen thưởng năm 2024'.",
        )

    def test_cooperating_units_joined_in_vietnamese(self):
        plan = self.create_plan(tasks_per_quarter=(1, 0, 0, 0))
        task = plan.task_ids
        task.cooperating_unit_ids = self.unit_clusters | self.unit_division
        self.assertEqual(
            task.with_context(lang="vi_VN").cooperating_units_text,
            "Các Phòng nghiệp vụ và Các cụm thi đua",
        )
        task.invalidate_recordset(["cooperating_units_text"])
        self.assertEqual(
            task.with_context(lang="en_US").cooperating_units_text,
            "Các Phòng nghiệp vụ and Các cụm thi đua",
        )

    def test_vi_po_complete_and_placeholders_kept(self):
        po = polib.pofile(file_path("tdkt_emulation/i18n/vi.po"))
        self.assertEqual(po.metadata["Language"], "vi")
        self.assertEqual(po.metadata["Plural-Forms"], "nplurals=1; plural=0;")
        untranslated = [e.msgid for e in po if not e.obsolete and not e.translated()]
        self.assertEqual(untranslated, [])
        for entry in po:
            self.assertEqual(
                sorted(PLACEHOLDER.findall(entry.msgstr)),
                sorted(PLACEHOLDER.findall(entry.msgid)),
                entry.msgid,
            )

    def test_migration_reloads_the_vietnamese_terms(self):
        """18.0.1.2.0: a database of the previous version keeps its old terms
        on update; the migration step loads this version's over them."""
        group = self.env_vi.ref("tdkt_emulation.group_tdkt_office")
        group.update_field_translations("name", {"vi_VN": "Văn phòng"})
        self.assertEqual(group.with_context(lang="vi_VN").name, "Văn phòng")
        path = (
            Path(__file__).parents[1]
            / "migrations/18.0.1.2.0/post-90-vietnamese-terms.py"
        )
        spec = importlib.util.spec_from_file_location("tdkt_mig_terms", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(self.env.cr, "18.0.1.1.0")
        group.invalidate_recordset()
        self.assertEqual(group.with_context(lang="vi_VN").name, "Thường trực TĐKT")
