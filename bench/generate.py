"""Generate a province-scale data set for the benchmark (deterministic).

40 agencies (companies), 300 departments, 5,000 employees with users, ten
yearly plans per agency with 20-30 tasks each (about 10,000 tasks) in mixed
states and deadlines, plus the same number of Odoo `project.task` records for
the baseline.  Everything is created in batches, without passwords, mail or
tracking.  Running it again on a database generated with the same seed and
scale does nothing (the seed is stored in ir.config_parameter).

    PYTHONPATH=/opt/odoo18 python bench/generate.py -c .state/odoo.conf -d tdkt_bench
"""

import argparse
import json
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _odoo

META_KEY = "tdkt_bench.meta"
QUIET = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "no_reset_password": True,
    "install_mode": True,
}
SECTORS = [
    "Nội vụ",
    "Tư pháp",
    "Kế hoạch và Đầu tư",
    "Tài chính",
    "Công Thương",
    "Nông nghiệp và Phát triển nông thôn",
    "Giao thông vận tải",
    "Xây dựng",
    "Tài nguyên và Môi trường",
    "Thông tin và Truyền thông",
    "Lao động - Thương binh và Xã hội",
    "Văn hóa, Thể thao và Du lịch",
    "Khoa học và Công nghệ",
    "Giáo dục và Đào tạo",
    "Y tế",
    "Ngoại vụ",
    "Dân tộc",
    "Thanh tra",
    "Văn phòng UBND",
    "Ban Quản lý Khu kinh tế",
]
DEPARTMENTS = [
    "Văn phòng",
    "Phòng Kế hoạch - Tài chính",
    "Phòng Tổ chức cán bộ",
    "Phòng Nghiệp vụ 1",
    "Phòng Nghiệp vụ 2",
    "Phòng Nghiệp vụ 3",
    "Phòng Pháp chế",
    "Phòng Thanh tra",
    "Phòng Quản lý chuyên ngành",
]
TASK_VERBS = [
    "Phát động phong trào thi đua",
    "Tổng kết công tác thi đua, khen thưởng",
    "Xét, đề nghị khen thưởng",
    "Kiểm tra công tác thi đua của các cụm",
    "Tuyên truyền gương điển hình tiên tiến",
    "Đăng ký thi đua năm",
    "Sơ kết phong trào thi đua 6 tháng",
    "Bình xét danh hiệu thi đua",
    "Hướng dẫn nghiệp vụ thi đua, khen thưởng",
    "Tổng hợp báo cáo kết quả",
]
# A 1x1 PNG: with an image given, hr does not draw and store an SVG avatar
# per employee in two writes each (the slowest part of creating employees).
AVATAR = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9"
    "awAAAABJRU5ErkJggg=="
)
FIRST = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vi", "Nông", "Lương", "Đậu", "Hà"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thu", "Hữu", "Ngọc"]
LAST = ["An", "Bình", "Cường", "Dung", "Hằng", "Mai", "Nam", "Phong", "Thắng", "Yến"]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--agencies", type=int, default=40)
    parser.add_argument("--departments", type=int, default=300)
    parser.add_argument("--employees", type=int, default=5000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--last-year", type=int, default=date.today().year)
    parser.add_argument("--force", action="store_true", help="generate even if done")
    return parser.parse_args(argv)


def scale_of(args):
    return {
        "seed": args.seed,
        "agencies": args.agencies,
        "departments": args.departments,
        "employees": args.employees,
        "years": args.years,
        "last_year": args.last_year,
    }


def read_meta(env):
    raw = env["ir.config_parameter"].get_param(META_KEY)
    return json.loads(raw) if raw else None


def batched(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Generator:
    def __init__(self, env, args):
        self.env = env(context=dict(env.context, **QUIET))
        self.args = args
        self.rng = random.Random(args.seed)
        self.timings = {}
        self.meta = {}

    def step(self, name, function):
        start = time.perf_counter()
        result = function()
        self.env.flush_all()
        self.timings[name] = round(time.perf_counter() - start, 1)
        print(f"  {name}: {self.timings[name]} s", flush=True)
        return result

    def run(self):
        start = time.perf_counter()
        self.companies = self.step("agencies", self.create_companies)
        self.departments = self.step("departments", self.create_departments)
        self.step("users and employees", self.create_users)
        self.units = self.step("units", self.create_units)
        self.step("plans and tasks", self.create_plans)
        self.step("project.task baseline", self.create_baseline)
        self.meta.update(scale_of(self.args))
        self.meta["timings_s"] = self.timings
        self.meta["total_s"] = round(time.perf_counter() - start, 1)
        self.env["ir.config_parameter"].set_param(META_KEY, json.dumps(self.meta))
        return self.meta

    # --- organisation ---------------------------------------------------------
    def create_companies(self):
        vals_list = []
        for index in range(self.args.agencies):
            sector = SECTORS[index % len(SECTORS)]
            suffix = f" {index // len(SECTORS) + 1}" if index >= len(SECTORS) else ""
            vals_list.append(
                {
                    "name": f"Sở {sector}{suffix} (bench {index + 1:02d})",
                    "tdkt_agency_code": f"B{index + 1:02d}",
                    "tdkt_header_name": f"SỞ {sector.upper()}{suffix}",
                    "tdkt_parent_agency_name": "UBND TỈNH LẠNG SƠN",
                    "tdkt_place_name": "Lạng Sơn",
                }
            )
        return self.env["res.company"].create(vals_list)

    def create_departments(self):
        per_company = self.spread(self.args.departments, len(self.companies))
        vals_list = []
        for company, count in zip(self.companies, per_company, strict=True):
            for index in range(count):
                name = DEPARTMENTS[index % len(DEPARTMENTS)]
                if index >= len(DEPARTMENTS):
                    name = f"{name} {index // len(DEPARTMENTS) + 1}"
                vals_list.append({"name": name, "company_id": company.id})
        return self.env["hr.department"].create(vals_list)

    @staticmethod
    def spread(total, buckets):
        base, extra = divmod(total, buckets)
        return [base + (1 if index < extra else 0) for index in range(buckets)]

    def create_users(self):
        env = self.env
        group_user = env.ref("base.group_user").id
        roles = {
            "office": env.ref("tdkt_emulation.group_tdkt_office").id,
            "chief": env.ref("tdkt_emulation.group_tdkt_chief").id,
            "staff": env.ref("tdkt_emulation.group_tdkt_user").id,
        }
        departments_of = {}
        for department in self.departments:
            departments_of.setdefault(department.company_id.id, []).append(department)
        per_company = self.spread(self.args.employees, len(self.companies))
        people = []
        for company, count in zip(self.companies, per_company, strict=True):
            departments = departments_of[company.id]
            for index in range(count):
                role = "chief" if index == 0 else "office" if index < 3 else "staff"
                department = departments[index % len(departments)]
                if role == "office":
                    department = departments[0]
                name = " ".join(
                    (
                        self.rng.choice(FIRST),
                        self.rng.choice(MIDDLE),
                        self.rng.choice(LAST),
                    )
                )
                people.append((company, department, role, f"{name} {index + 1}"))
        Users = env["res.users"]
        Employees = env["hr.employee"]
        serial = 0
        for chunk in batched(people, 500):
            users = Users.create(
                [
                    {
                        "name": name,
                        "login": f"bench.{company.tdkt_agency_code.lower()}.{n:04d}",
                        "company_id": company.id,
                        "company_ids": [(6, 0, company.ids)],
                        "groups_id": [(6, 0, [group_user, roles[role]])],
                    }
                    for n, (company, _department, role, name) in enumerate(
                        chunk, start=serial
                    )
                ]
            )
            serial += len(chunk)
            Employees.create(
                [
                    {
                        "name": user.name,
                        "user_id": user.id,
                        "company_id": company.id,
                        "department_id": False if role == "chief" else department.id,
                        "job_title": "Giám đốc" if role == "chief" else "Chuyên viên",
                        "image_1920": AVATAR,
                    }
                    for user, (company, department, role, _name) in zip(
                        users, chunk, strict=True
                    )
                ]
            )
            env.flush_all()
            env.invalidate_all()
            print(f"    {serial} users", flush=True)

    def create_units(self):
        vals_list = []
        for department in self.departments:
            vals_list.append(
                {
                    "name": f"{department.name} - "
                    f"{department.company_id.tdkt_agency_code}",
                    "company_id": department.company_id.id,
                    "unit_type": "department",
                    "department_ids": [(6, 0, department.ids)],
                    "sequence": len(vals_list) % 20,
                }
            )
        for company in self.companies:
            vals_list.append(
                {
                    "name": "Các cụm thi đua",
                    "company_id": company.id,
                    "unit_type": "cluster",
                    "sequence": 50,
                }
            )
        return self.env["tdkt.unit"].create(vals_list)

    # --- plans and tasks ------------------------------------------------------
    def create_plans(self):  # noqa: C901
        env = self.env
        last = self.args.last_year
        years = list(range(last - self.args.years + 1, last + 1))
        units_of, chiefs = {}, {}
        for unit in self.units:
            units_of.setdefault(unit.company_id.id, []).append(unit)
        for employee in env["hr.employee"].search(
            [("company_id", "in", self.companies.ids), ("job_title", "=", "Giám đốc")]
        ):
            chiefs[employee.company_id.id] = employee
        today = date.today()
        plans_by_state = {}
        task_states = []  # (task index in creation order, state)
        plan_vals = []
        for company in self.companies:
            units = units_of[company.id]
            for year in years:
                if year < last - 1:
                    state = "closed"
                elif year == last - 1:
                    state = "issued"
                else:
                    state = self.rng.choice(
                        ["issued", "issued", "issued", "draft", "submitted"]
                    )
                count = self.rng.randint(20, 30)
                tasks = []
                rows = {"1": 0, "2": 0, "3": 0, "4": 0}
                for _index in range(count):
                    quarter = self.rng.choice("1234")
                    rows[quarter] += 1
                    lead = self.rng.choice(units)
                    helpers = self.rng.sample(units, k=self.rng.randint(0, 2))
                    conditional = self.rng.random() < 0.1
                    vals = {
                        "quarter": quarter,
                        # Set below, so that renumbering writes nothing.
                        "row_number": 0,
                        "name": f"{self.rng.choice(TASK_VERBS)} năm {year}",
                        "lead_unit_id": lead.id,
                        "cooperating_unit_ids": [
                            (6, 0, [u.id for u in helpers if u != lead])
                        ],
                        "is_conditional": conditional,
                    }
                    if self.rng.random() < 0.3:
                        vals["date_deadline"] = date(year, 1, 1) + timedelta(
                            days=self.rng.randint(0, 364)
                        )
                    tasks.append(vals)
                    task_states.append(self.task_state(state, year, conditional, today))
                # Row numbers as the plan prints them: 1, 2, 3… within each quarter.
                tasks.sort(key=lambda v: v["quarter"])
                counters = dict.fromkeys(rows, 0)
                for vals in tasks:
                    counters[vals["quarter"]] += 1
                    vals["row_number"] = counters[vals["quarter"]]
                plan_vals.append(
                    {
                        "name": f"Thực hiện công tác thi đua, khen thưởng năm {year}",
                        "company_id": company.id,
                        "year": year,
                        "signer_id": chiefs[company.id].id,
                        "introduction": f"{company.name} xây dựng Kế hoạch năm {year}.",
                        "legal_basis_ids": [
                            (
                                0,
                                0,
                                {
                                    "name": "Luật Thi đua, Khen thưởng năm 2022",
                                    "sequence": 1,
                                },
                            )
                        ],
                        "recipient_ids": [(0, 0, {"name": "Lưu: VT.", "sequence": 1})],
                        "task_ids": [(0, 0, vals) for vals in tasks],
                    }
                )
                plans_by_state.setdefault(state, []).append(len(plan_vals) - 1)
        plans = env["tdkt.plan"]
        for chunk in batched(plan_vals, 40):
            plans |= env["tdkt.plan"].create(chunk)
            env.flush_all()
        # Task order in creation == order of task_states, once sorted per plan.
        all_tasks = env["tdkt.plan.task"].search(
            [("plan_id", "in", plans.ids)], order="plan_id, quarter, row_number, id"
        )
        # Re-derive the wanted state per task in the same (plan, quarter) order.
        wanted = self.wanted_states(plans, plan_vals, task_states)
        # Issue (number 1 in the agency's register) and close.
        for state in ("submitted", "issued", "closed"):
            indexes = plans_by_state.get(state, [])
            chosen = plans.browse([plans[i].id for i in indexes])
            if state == "submitted":
                chosen.write({"state": "submitted"})
                continue
            for plan in chosen:
                plan.write(
                    {
                        "state": "issued",
                        "number": 1,
                        "issue_date": date(plan.year, 1, 5),
                    }
                )
        by_state = {}
        for task in all_tasks:
            target = wanted[task.id]
            if target != "todo":
                by_state.setdefault(target, []).append(task.id)
        Tasks = env["tdkt.plan.task"]
        for state, ids in by_state.items():
            vals = {"state": state}
            if state == "not_applicable":
                vals["not_applicable_reason"] = "Không phát sinh trong năm."
            for chunk in batched(ids, 1000):
                Tasks.browse(chunk).write(vals)
        plans.browse([plans[i].id for i in plans_by_state.get("closed", [])]).write(
            {"state": "closed"}
        )
        sizes = {plan.id: len(plan_vals[i]["task_ids"]) for i, plan in enumerate(plans)}
        largest = max(sizes, key=lambda pid: (sizes[pid], -pid))
        current = plans.filtered(
            lambda p: p.year == last and p.id in self.issued_ids(plans)
        )
        self.meta.update(
            plans=len(plans),
            tasks=len(all_tasks),
            largest_plan_id=largest,
            largest_plan_tasks=sizes[largest],
            year=last,
            year_tasks=Tasks.search_count(
                [("year", "=", last), ("plan_id", "in", plans.ids)]
            ),
            plan_id=current[:1].id,
            plan_tasks=len(current[:1].task_ids),
            company_ids=self.companies.ids,
        )
        self.pick_users(current[:1])

    @staticmethod
    def issued_ids(plans):
        return set(plans.filtered(lambda p: p.state == "issued").ids)

    def wanted_states(self, plans, plan_vals, task_states):
        wanted, cursor = {}, 0
        for plan, vals in zip(plans, plan_vals, strict=True):
            states = task_states[cursor : cursor + len(vals["task_ids"])]
            cursor += len(vals["task_ids"])
            tasks = plan.task_ids.sorted(lambda t: (t.quarter, t.row_number, t.id))
            for task, state in zip(tasks, states, strict=True):
                if state == "not_applicable" and not task.is_conditional:
                    state = "done"
                wanted[task.id] = state
        return wanted

    def task_state(self, plan_state, year, conditional, today):
        if plan_state not in ("issued", "closed"):
            return "todo"
        if year < today.year:
            weights = [
                ("done", 85),
                ("in_progress", 5),
                ("todo", 3),
                ("not_applicable", 7),
            ]
        else:
            weights = [
                ("done", 45),
                ("in_progress", 25),
                ("todo", 25),
                ("not_applicable", 5),
            ]
        state = self.rng.choices([w[0] for w in weights], [w[1] for w in weights])[0]
        if state == "not_applicable" and not conditional:
            state = "done"
        return state

    def pick_users(self, plan):
        """Users the benchmark runs as: an Office user and a Staff member of
        the lead unit of the measured plan's first task, in its agency."""
        Users = self.env["res.users"]
        company = plan.company_id
        office = Users.search(
            [
                ("company_id", "=", company.id),
                (
                    "groups_id",
                    "in",
                    self.env.ref("tdkt_emulation.group_tdkt_office").id,
                ),
                ("login", "=like", "bench.%"),
            ],
            limit=1,
            order="id",
        )
        lead = plan.task_ids.sorted("id")[:1].lead_unit_id
        staff = (lead.member_user_ids - office).sorted("id")[:1]
        # The province office sees all agencies: the year kanban of all tasks.
        province = Users.create(
            {
                "name": "Văn phòng Sở Nội vụ (toàn tỉnh)",
                "login": "bench.province.office",
                "company_id": company.id,
                "company_ids": [(6, 0, self.companies.ids)],
                "groups_id": [
                    (
                        6,
                        0,
                        [
                            self.env.ref("base.group_user").id,
                            self.env.ref("tdkt_emulation.group_tdkt_office").id,
                            self.env.ref("base.group_multi_company").id,
                        ],
                    )
                ],
            }
        )
        self.meta.update(
            office_uid=office.id, staff_uid=staff.id, province_uid=province.id
        )

    # --- baseline -------------------------------------------------------------
    def create_baseline(self):
        """Projects whose kanban holds as many tasks as ours, in four stages."""
        env = self.env
        Stage = env["project.task.type"]
        stages = Stage.create(
            [
                {"name": name, "sequence": index}
                for index, name in enumerate(
                    ["To Do", "In Progress", "Done", "Cancelled"]
                )
            ]
        )
        result = {}
        for key, count in (
            ("plan", self.meta["plan_tasks"]),
            ("year", self.meta["year_tasks"]),
        ):
            project = env["project.project"].create(
                {
                    "name": f"Bench baseline ({key}, {count} tasks)",
                    "type_ids": [(6, 0, stages.ids)],
                    "privacy_visibility": "employees",
                }
            )
            vals_list = [
                {
                    "name": f"Nhiệm vụ {index + 1}",
                    "project_id": project.id,
                    "stage_id": stages[self.rng.randrange(4)].id,
                    "user_ids": [(6, 0, [self.meta["office_uid"]])],
                    "date_deadline": date(self.args.last_year, 1, 1)
                    + timedelta(days=self.rng.randint(0, 364)),
                }
                for index in range(count)
            ]
            for chunk in batched(vals_list, 1000):
                env["project.task"].create(chunk)
            result[key] = project.id
        self.meta["baseline_project_ids"] = result


def main(argv=None):
    args = parse_args(argv)
    registry = _odoo.init(args.config, args.database)
    with _odoo.environment(registry) as env:
        meta = read_meta(env)
        if (
            meta
            and not args.force
            and {k: meta.get(k) for k in scale_of(args)} == scale_of(args)
        ):
            print(
                f"Bench data of seed {args.seed} already in {args.database} "
                f"(generated in {meta['total_s']} s); nothing to do."
            )
            return meta
        if meta:
            sys.exit(
                f"{args.database} holds bench data of another seed or scale: "
                "drop the database first."
            )
        print(f"Generating the bench data set into {args.database} (seed {args.seed})…")
        meta = Generator(env, args).run()
        print(
            f"Generated {meta['plans']} plans, {meta['tasks']} tasks "
            f"in {meta['total_s']} s."
        )
        return meta


if __name__ == "__main__":
    main()
