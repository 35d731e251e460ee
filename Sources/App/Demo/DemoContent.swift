import Foundation

/// The demo zone's content, drawn from the seed speech. Dates and progress are assigned by DemoLoader.
enum DemoContent {
    struct UnitSeed { let name: String; let shortName: String; let kind: String } // kind: "department" | "subdistrict" | "platform"
    struct PersonSeed { let name: String; let unit: String; let title: String }   // unit = UnitSeed.name
    struct TaskSeed { let title: String; let owner: String; let coUnits: [String]; let deliverable: String; let acceptance: String; let weight: Double; let milestone: Bool }
    struct WorkPointSeed { let title: String; let goal: String; let leadUnit: String; let tasks: [TaskSeed] }
    struct PlanSeed { let name: String; let goal: String; let leader: String; let leadUnit: String; let coUnits: [String]; let workPoints: [WorkPointSeed] }  // leader = a PersonSeed.name who is a zone leader
    struct TargetSeed { let kind: String; let statement: String } // kind: "city_top" | "province_climb" | "national_brand" | "single_first" | "national_level"

    static let zoneName = "示范高新区"

    // MARK: - Units (责任单位)

    static let units: [UnitSeed] = [
        UnitSeed(name: "党政办公室", shortName: "党政办", kind: "department"),
        UnitSeed(name: "督查考核办公室", shortName: "督考办", kind: "department"),
        UnitSeed(name: "党群工作部", shortName: "党群部", kind: "department"),
        UnitSeed(name: "深化改革办公室", shortName: "改革办", kind: "department"),
        UnitSeed(name: "科技创新局", shortName: "科创局", kind: "department"),
        UnitSeed(name: "经济发展局", shortName: "经发局", kind: "department"),
        UnitSeed(name: "投资促进局", shortName: "投促局", kind: "department"),
        UnitSeed(name: "财政金融局", shortName: "财金局", kind: "department"),
        UnitSeed(name: "高新区税务局", shortName: "税务局", kind: "department"),
        UnitSeed(name: "行政审批服务局", shortName: "审批局", kind: "department"),
        UnitSeed(name: "规划建设局", shortName: "规建局", kind: "department"),
        UnitSeed(name: "自然资源分局", shortName: "资源分局", kind: "department"),
        UnitSeed(name: "生态环境分局", shortName: "环境分局", kind: "department"),
        UnitSeed(name: "应急管理局", shortName: "应急局", kind: "department"),
        UnitSeed(name: "市场监督管理分局", shortName: "市监分局", kind: "department"),
        UnitSeed(name: "人力资源和社会保障局", shortName: "人社局", kind: "department"),
        UnitSeed(name: "统计局", shortName: "统计局", kind: "department"),
        UnitSeed(name: "社会事业局", shortName: "社事局", kind: "department"),
        UnitSeed(name: "综合行政执法局", shortName: "执法局", kind: "department"),
        UnitSeed(name: "企业服务中心", shortName: "企服中心", kind: "department"),
        UnitSeed(name: "消防救援大队", shortName: "消防大队", kind: "department"),
        UnitSeed(name: "兴科街道办事处", shortName: "兴科街道", kind: "subdistrict"),
        UnitSeed(name: "汇智街道办事处", shortName: "汇智街道", kind: "subdistrict"),
        UnitSeed(name: "临湾街道办事处", shortName: "临湾街道", kind: "subdistrict"),
        UnitSeed(name: "创业服务中心", shortName: "创服中心", kind: "platform"),
        UnitSeed(name: "产业园区发展有限公司", shortName: "园区公司", kind: "platform"),
        UnitSeed(name: "科创投资集团有限公司", shortName: "科创投", kind: "platform"),
        UnitSeed(name: "知识产权运营服务中心", shortName: "知产中心", kind: "platform"),
    ]

    // MARK: - People

    /// Titles that make a person a zone leader (区级领导), eligible to lead (分管) a plan.
    static let leaderTitles: Set<String> = ["党工委书记", "管委会主任", "党工委副书记", "管委会副主任", "党工委委员、管委会副主任"]

    static let people: [PersonSeed] = [
        // 区级领导
        PersonSeed(name: "李志远", unit: "党政办公室", title: "党工委书记"),
        PersonSeed(name: "陈立新", unit: "党政办公室", title: "管委会主任"),
        PersonSeed(name: "刘海涛", unit: "党政办公室", title: "党工委副书记"),
        PersonSeed(name: "赵文博", unit: "党政办公室", title: "管委会副主任"),
        PersonSeed(name: "孙晓梅", unit: "党政办公室", title: "管委会副主任"),
        PersonSeed(name: "周振华", unit: "党政办公室", title: "党工委委员、管委会副主任"),
        // 各单位负责人和工作人员
        PersonSeed(name: "王春燕", unit: "党政办公室", title: "主任"),
        PersonSeed(name: "郭子豪", unit: "党政办公室", title: "秘书科科员"),
        PersonSeed(name: "马国庆", unit: "督查考核办公室", title: "主任"),
        PersonSeed(name: "黄思琪", unit: "督查考核办公室", title: "督查科科员"),
        PersonSeed(name: "杨丽华", unit: "党群工作部", title: "部长"),
        PersonSeed(name: "许嘉怡", unit: "党群工作部", title: "组织科科员"),
        PersonSeed(name: "何志明", unit: "深化改革办公室", title: "主任"),
        PersonSeed(name: "宋雨桐", unit: "深化改革办公室", title: "改革科科员"),
        PersonSeed(name: "张明辉", unit: "科技创新局", title: "局长"),
        PersonSeed(name: "徐晓东", unit: "科技创新局", title: "高企培育科科长"),
        PersonSeed(name: "吴卫东", unit: "经济发展局", title: "局长"),
        PersonSeed(name: "胡晨阳", unit: "经济发展局", title: "工业科科员"),
        PersonSeed(name: "郑海波", unit: "投资促进局", title: "局长"),
        PersonSeed(name: "曹宇航", unit: "投资促进局", title: "项目科科员"),
        PersonSeed(name: "林雅琴", unit: "财政金融局", title: "局长"),
        PersonSeed(name: "彭博", unit: "财政金融局", title: "金融科科长"),
        PersonSeed(name: "冯建军", unit: "高新区税务局", title: "局长"),
        PersonSeed(name: "邓晓丽", unit: "高新区税务局", title: "收入核算股股长"),
        PersonSeed(name: "韩冬梅", unit: "行政审批服务局", title: "局长"),
        PersonSeed(name: "唐子涵", unit: "行政审批服务局", title: "审批科科员"),
        PersonSeed(name: "谢永刚", unit: "规划建设局", title: "局长"),
        PersonSeed(name: "蔡文杰", unit: "规划建设局", title: "建设管理科科员"),
        PersonSeed(name: "罗承志", unit: "自然资源分局", title: "局长"),
        PersonSeed(name: "潘欣悦", unit: "自然资源分局", title: "用地管理科科员"),
        PersonSeed(name: "董立平", unit: "生态环境分局", title: "局长"),
        PersonSeed(name: "袁梦", unit: "生态环境分局", title: "环评科科员"),
        PersonSeed(name: "梁振宇", unit: "应急管理局", title: "局长"),
        PersonSeed(name: "蒋浩然", unit: "应急管理局", title: "安全监管科科长"),
        PersonSeed(name: "高秀兰", unit: "市场监督管理分局", title: "局长"),
        PersonSeed(name: "范俊杰", unit: "市场监督管理分局", title: "登记注册科科员"),
        PersonSeed(name: "程亚楠", unit: "人力资源和社会保障局", title: "局长"),
        PersonSeed(name: "魏晓峰", unit: "人力资源和社会保障局", title: "人才服务科科员"),
        PersonSeed(name: "薛丽萍", unit: "统计局", title: "局长"),
        PersonSeed(name: "叶子轩", unit: "统计局", title: "综合统计科科员"),
        PersonSeed(name: "苏建平", unit: "社会事业局", title: "局长"),
        PersonSeed(name: "吕佳琪", unit: "社会事业局", title: "教育科科员"),
        PersonSeed(name: "丁志勇", unit: "综合行政执法局", title: "局长"),
        PersonSeed(name: "沈一鸣", unit: "综合行政执法局", title: "执法中队队员"),
        PersonSeed(name: "任晓敏", unit: "企业服务中心", title: "主任"),
        PersonSeed(name: "姚俊", unit: "企业服务中心", title: "企业服务专员"),
        PersonSeed(name: "卢国栋", unit: "消防救援大队", title: "大队长"),
        PersonSeed(name: "钟浩", unit: "消防救援大队", title: "防火监督员"),
        PersonSeed(name: "汪德胜", unit: "兴科街道办事处", title: "主任"),
        PersonSeed(name: "田甜", unit: "兴科街道办事处", title: "经济发展办科员"),
        PersonSeed(name: "方立群", unit: "汇智街道办事处", title: "主任"),
        PersonSeed(name: "石磊", unit: "汇智街道办事处", title: "安全生产监督管理站站长"),
        PersonSeed(name: "贺春生", unit: "临湾街道办事处", title: "主任"),
        PersonSeed(name: "龚雪", unit: "临湾街道办事处", title: "综合办公室科员"),
        PersonSeed(name: "邱彦", unit: "创业服务中心", title: "主任"),
        PersonSeed(name: "金子墨", unit: "创业服务中心", title: "孵化运营主管"),
        PersonSeed(name: "段宏伟", unit: "产业园区发展有限公司", title: "总经理"),
        PersonSeed(name: "侯思远", unit: "产业园区发展有限公司", title: "招商运营部经理"),
        PersonSeed(name: "秦振东", unit: "科创投资集团有限公司", title: "董事长"),
        PersonSeed(name: "尹若曦", unit: "科创投资集团有限公司", title: "投资管理部经理"),
        PersonSeed(name: "夏文静", unit: "知识产权运营服务中心", title: "主任"),
        PersonSeed(name: "萧然", unit: "知识产权运营服务中心", title: "专利服务专员"),
    ]

    // MARK: - Positioning targets (三争一创 目标定位)

    static let targets: [TargetSeed] = [
        TargetSeed(kind: "city_top", statement: "全区综合考核位居全市各区县（市）和功能区第一方阵，规上工业增加值、高新技术企业数量、实际使用外资等主要经济指标增速进入全市前三。"),
        TargetSeed(kind: "province_climb", statement: "在全省高新区综合评价中位次较上年前移3位以上，研发经费投入强度达到3.5%，跻身全省省级高新区前十。"),
        TargetSeed(kind: "national_brand", statement: "打造“创业苗圃+孵化器+加速器+产业园区”全链条孵化模式和“高新营商”工作品牌，力争1项改革经验入选国家部委复制推广典型案例。"),
        TargetSeed(kind: "single_first", statement: "高新技术企业净增数量、规上工业企业研发机构覆盖率、规上工业制造业企业专利清零完成率3项单项指标保持全市第一。"),
        TargetSeed(kind: "national_level", statement: "对照国家高新区认定和评价指标体系逐项补齐短板，年内完成升级国家级高新区申报材料并取得省政府正式推荐，争创国家级高新区。"),
    ]

    // MARK: - The ten plans (十大计划)

    static let plans: [PlanSeed] = [plan01, plan02, plan03, plan04, plan05, plan06, plan07, plan08, plan09, plan10]

    // MARK: 一、科创生态培育计划

    private static let plan01 = PlanSeed(
        name: "科创生态培育计划",
        goal: "构建“创业苗圃+孵化器+加速器+产业园区”生态孵化产业链条，全年新增高新技术企业60家，规上工业企业研发机构实现全覆盖，规上工业制造业企业专利全部清零，打造高水平“科创之城”。",
        leader: "刘海涛",
        leadUnit: "科技创新局",
        coUnits: ["创业服务中心", "经济发展局", "知识产权运营服务中心"],
        workPoints: [
            WorkPointSeed(
                title: "打造“创业苗圃+孵化器+加速器+产业园区”生态孵化产业链条",
                goal: "新增省级以上孵化载体3家，在孵企业达到420家，毕业企业迁入加速器和产业园区不少于30家。",
                leadUnit: "创业服务中心",
                tasks: [
                    TaskSeed(title: "摸清全区各类孵化载体底数，建立载体运营台账", owner: "创业服务中心", coUnits: ["科技创新局"], deliverable: "孵化载体运营台账", acceptance: "台账覆盖全区全部创业苗圃、孵化器、加速器，逐一载明场地面积、在孵企业数和运营主体。", weight: 2, milestone: false),
                    TaskSeed(title: "制定生态孵化产业链条建设实施方案", owner: "科技创新局", coUnits: ["创业服务中心", "产业园区发展有限公司"], deliverable: "工作方案", acceptance: "方案经管委会主任办公会审议通过并印发，明确四类载体功能定位和企业梯次流转标准。", weight: 4, milestone: true),
                    TaskSeed(title: "在汇智街道新建2处创业苗圃，引进大学生创业项目不少于40个", owner: "创业服务中心", coUnits: ["汇智街道办事处"], deliverable: "苗圃挂牌文件及入驻协议", acceptance: "两处创业苗圃挂牌运营，签订入驻协议的创业项目不少于40个。", weight: 3, milestone: false),
                    TaskSeed(title: "完成3家孵化器省级备案申报", owner: "科技创新局", coUnits: ["创业服务中心"], deliverable: "备案文件", acceptance: "3家孵化器申报材料通过市级审核推荐并按期报送省科技厅。", weight: 4, milestone: false),
                    TaskSeed(title: "建成科创加速器二期并投入使用", owner: "产业园区发展有限公司", coUnits: ["规划建设局"], deliverable: "竣工验收报告", acceptance: "加速器二期5万平方米通过竣工验收备案并完成首批企业入驻。", weight: 5, milestone: true),
                    TaskSeed(title: "组织首批30家毕业企业迁入加速器和产业园区", owner: "创业服务中心", coUnits: ["产业园区发展有限公司"], deliverable: "企业入驻清单", acceptance: "不少于30家毕业企业签订入驻协议并完成注册地址变更。", weight: 3, milestone: false),
                    TaskSeed(title: "开展孵化载体年度绩效评价并兑现运营补贴", owner: "科技创新局", coUnits: ["财政金融局"], deliverable: "绩效评价报告", acceptance: "评价结果公示5个工作日无异议，运营补贴资金全部拨付到位。", weight: 3, milestone: false),
                ]
            ),
            WorkPointSeed(
                title: "大力培育高新技术企业",
                goal: "全年新增高新技术企业60家，有效期内高新技术企业总数突破260家，到期企业重新认定通过率达到90%以上。",
                leadUnit: "科技创新局",
                tasks: [
                    TaskSeed(title: "建立高新技术企业后备培育库，筛选入库企业120家", owner: "科技创新局", coUnits: ["统计局", "高新区税务局"], deliverable: "培育库名单", acceptance: "入库企业逐一核对研发费用占比、知识产权和科技人员比例，名单经局务会审定。", weight: 3, milestone: false),
                    TaskSeed(title: "梳理高新技术企业证书到期名单并逐户书面提醒", owner: "科技创新局", coUnits: [], deliverable: "到期企业清单", acceptance: "本年度证书到期企业全部书面告知，并逐户建立重新认定辅导档案。", weight: 2, milestone: false),
                    TaskSeed(title: "举办高新技术企业认定政策专题培训会3场", owner: "科技创新局", coUnits: ["高新区税务局"], deliverable: "培训签到表及课件", acceptance: "累计培训企业不少于150家次，后备培育库企业参训率达到100%。", weight: 2, milestone: false),
                    TaskSeed(title: "组织服务机构对入库企业开展“一对一”申报辅导", owner: "企业服务中心", coUnits: ["科技创新局"], deliverable: "辅导记录", acceptance: "入库企业辅导覆盖率达到100%，逐户形成问题清单和整改意见。", weight: 3, milestone: false),
                    TaskSeed(title: "完成第一批高新技术企业认定申报材料审核报送", owner: "科技创新局", coUnits: [], deliverable: "申报汇总表", acceptance: "申报企业不少于50家，材料经形式审查无缺项，在省认定机构规定时限内报送。", weight: 4, milestone: true),
                    TaskSeed(title: "完成第二批高新技术企业认定申报材料审核报送", owner: "科技创新局", coUnits: [], deliverable: "申报汇总表", acceptance: "第二批申报企业不少于30家，全年申报总数达到80家以上。", weight: 4, milestone: false),
                    TaskSeed(title: "跟踪认定公示结果并兑现高新技术企业认定奖励", owner: "财政金融局", coUnits: ["科技创新局"], deliverable: "奖励兑现清单", acceptance: "新认定企业奖励资金在认定公示结束后30个工作日内全部兑现。", weight: 3, milestone: false),
                ]
            ),
            WorkPointSeed(
                title: "推动规模以上工业企业研发机构全覆盖",
                goal: "规上工业企业研发机构建有率达到100%，新增市级以上研发机构20家。",
                leadUnit: "科技创新局",
                tasks: [
                    TaskSeed(title: "开展规上工业企业研发机构建设情况普查", owner: "统计局", coUnits: ["科技创新局", "经济发展局"], deliverable: "统计报表", acceptance: "普查覆盖全部规上工业企业，逐户标明研发机构类型、级别和专职研发人员数。", weight: 3, milestone: false),
                    TaskSeed(title: "印发规上工业企业研发机构全覆盖工作方案", owner: "科技创新局", coUnits: ["经济发展局"], deliverable: "工作方案", acceptance: "方案列明无研发机构企业名单、包保责任人和完成时限，经管委会审定印发。", weight: 4, milestone: true),
                    TaskSeed(title: "对无研发机构企业实行干部包保、一企一策指导", owner: "科技创新局", coUnits: ["兴科街道办事处", "汇智街道办事处"], deliverable: "包保责任清单", acceptance: "每户无研发机构企业明确一名包保干部，每月至少走访一次并留存走访记录。", weight: 3, milestone: false),
                    TaskSeed(title: "推动企业与高校院所共建研发机构15家", owner: "科技创新局", coUnits: ["企业服务中心"], deliverable: "校企合作协议", acceptance: "签订共建协议不少于15份，协议明确场地、人员和研发经费投入。", weight: 3, milestone: false),
                    TaskSeed(title: "组织新建企业研发机构备案登记", owner: "科技创新局", coUnits: [], deliverable: "备案登记表", acceptance: "新建研发机构全部完成备案，均具备固定场所、专职研发人员和年度研发计划。", weight: 3, milestone: false),
                    TaskSeed(title: "开展研发机构全覆盖实地核查验收", owner: "督查考核办公室", coUnits: ["科技创新局", "统计局"], deliverable: "验收报告", acceptance: "逐户实地核查，规上工业企业研发机构建有率达到100%。", weight: 5, milestone: true),
                ]
            ),
            WorkPointSeed(
                title: "鼓励和支持龙头企业争创各级研发中心",
                goal: "新增省级以上企业技术中心、工程技术研究中心、重点实验室8家，国家级研发平台实现新突破。",
                leadUnit: "科技创新局",
                tasks: [
                    TaskSeed(title: "梳理龙头企业研发平台现状，建立梯次培育清单", owner: "科技创新局", coUnits: ["经济发展局"], deliverable: "梯次培育清单", acceptance: "清单分市级、省级、国家级三个梯次，逐户列明与申报条件的差距。", weight: 2, milestone: false),
                    TaskSeed(title: "组织申报市级工程技术研究中心和企业技术中心", owner: "科技创新局", coUnits: ["经济发展局"], deliverable: "申报材料汇总表", acceptance: "推荐申报企业不少于15家，材料按期报送市主管部门。", weight: 3, milestone: false),
                    TaskSeed(title: "邀请省内专家对重点申报企业开展现场预评审", owner: "科技创新局", coUnits: ["企业服务中心"], deliverable: "专家评审意见", acceptance: "重点申报企业全部完成预评审，并按专家意见完成材料修改。", weight: 2, milestone: false),
                    TaskSeed(title: "组织申报省级工程技术研究中心、企业技术中心和重点实验室", owner: "科技创新局", coUnits: ["经济发展局"], deliverable: "申报材料汇总表", acceptance: "推荐申报不少于10家，全部通过市级审核推荐。", weight: 4, milestone: false),
                    TaskSeed(title: "推荐1家龙头企业申报国家企业技术中心", owner: "经济发展局", coUnits: ["科技创新局"], deliverable: "申报材料", acceptance: "申报材料通过省级初审并报送国家主管部门。", weight: 5, milestone: true),
                    TaskSeed(title: "兑现新认定研发平台奖补资金", owner: "财政金融局", coUnits: ["科技创新局"], deliverable: "资金拨付凭证", acceptance: "按政策标准足额拨付，兑现结果在管委会门户网站公开。", weight: 3, milestone: false),
                ]
            ),
            WorkPointSeed(
                title: "开展规上工业制造业专利清零行动",
                goal: "规上工业制造业企业有效专利实现“清零”，发明专利授权量增长20%，知识产权质押融资突破3亿元。",
                leadUnit: "市场监督管理分局",
                tasks: [
                    TaskSeed(title: "比对专利数据库，筛选无有效专利的规上制造业企业名单", owner: "知识产权运营服务中心", coUnits: ["市场监督管理分局", "统计局"], deliverable: "清零企业名单", acceptance: "名单经企业逐户确认，注明企业技术领域和联系人。", weight: 2, milestone: false),
                    TaskSeed(title: "印发规上工业制造业专利清零行动方案", owner: "市场监督管理分局", coUnits: ["科技创新局"], deliverable: "行动方案", acceptance: "方案经管委会审定印发，明确清零时限和服务机构对接机制。", weight: 4, milestone: true),
                    TaskSeed(title: "组织专利代理机构为“零专利”企业开展专利挖掘布局", owner: "知识产权运营服务中心", coUnits: [], deliverable: "专利挖掘报告", acceptance: "每户企业形成专利挖掘报告，并提交专利申请不少于2件。", weight: 3, milestone: false),
                    TaskSeed(title: "开展知识产权“进园区、进企业”巡回宣讲", owner: "市场监督管理分局", coUnits: ["知识产权运营服务中心"], deliverable: "宣讲活动记录", acceptance: "全年开展宣讲不少于8场，覆盖企业200家次。", weight: 2, milestone: false),
                    TaskSeed(title: "举办知识产权质押融资银企对接会", owner: "财政金融局", coUnits: ["知识产权运营服务中心"], deliverable: "会议纪要", acceptance: "促成知识产权质押融资签约不少于10笔。", weight: 3, milestone: false),
                    TaskSeed(title: "组织企业开展专利转让许可，“盘活”存量知识产权", owner: "知识产权运营服务中心", coUnits: ["科技创新局"], deliverable: "专利交易登记清单", acceptance: "全年促成专利转让、许可不少于50件，交易信息可在国家知识产权局查询。", weight: 3, milestone: false),
                    TaskSeed(title: "完成专利清零行动验收销号", owner: "市场监督管理分局", coUnits: ["督查考核办公室"], deliverable: "验收报告", acceptance: "规上工业制造业企业有效专利拥有率达到100%，清零名单逐户销号。", weight: 5, milestone: true),
                ]
            ),
            WorkPointSeed(
                title: "培育科技型中小企业，形成众创集群效应",
                goal: "科技型中小企业评价入库300家以上，促成科创企业股权融资5笔以上。",
                leadUnit: "科技创新局",
                tasks: [
                    TaskSeed(title: "开展科技型中小企业评价入库摸排动员", owner: "科技创新局", coUnits: ["兴科街道办事处", "临湾街道办事处"], deliverable: "动员通知及摸排名单", acceptance: "摸排符合条件企业不少于350家，逐户明确企业联络人。", weight: 2, milestone: false),
                    TaskSeed(title: "组织科技型中小企业分批评价入库", owner: "科技创新局", coUnits: [], deliverable: "入库名单", acceptance: "全年评价入库企业达到300家以上，入库信息与全国科技型中小企业信息服务平台一致。", weight: 4, milestone: true),
                    TaskSeed(title: "举办“高新创客”创新创业大赛", owner: "创业服务中心", coUnits: ["人力资源和社会保障局"], deliverable: "大赛总结报告", acceptance: "参赛项目不少于120个，获奖项目落地转化不少于10个。", weight: 3, milestone: false),
                    TaskSeed(title: "每季度举办1场科创企业投融资路演", owner: "科创投资集团有限公司", coUnits: ["创业服务中心"], deliverable: "路演活动记录", acceptance: "全年举办路演4场，促成股权融资不少于5笔。", weight: 3, milestone: false),
                    TaskSeed(title: "推动在孵企业研发费用加计扣除政策应享尽享", owner: "高新区税务局", coUnits: ["科技创新局"], deliverable: "政策落实统计表", acceptance: "符合条件的在孵企业申报享受率达到100%。", weight: 3, milestone: false),
                    TaskSeed(title: "编制科创生态年度发展报告", owner: "科技创新局", coUnits: ["统计局"], deliverable: "年度发展报告", acceptance: "报告数据经统计部门核实，完整反映孵化、加速、上市各环节企业数量和流转情况。", weight: 2, milestone: false),
                ]
            ),
        ]
    )

    // MARK: 二、重点项目突破计划

    private static let plan02 = PlanSeed(
        name: "重点项目突破计划",
        goal: "全年实施市级以上重点项目60个、完成投资180亿元，新签约过亿元项目30个，新开工项目25个，竣工投产项目20个。",
        leader: "赵文博",
        leadUnit: "经济发展局",
        coUnits: ["投资促进局", "规划建设局", "自然资源分局"],
        workPoints: [
            WorkPointSeed(
                title: "强化重点项目谋划储备和招商签约",
                goal: "储备过亿元项目100个，全年新签约过亿元项目30个，协议引资300亿元。",
                leadUnit: "投资促进局",
                tasks: [
                    TaskSeed(title: "编制年度产业链招商图谱和目标企业清单", owner: "投资促进局", coUnits: ["经济发展局"], deliverable: "招商图谱", acceptance: "图谱覆盖三大主导产业，列明目标企业不少于200家。", weight: 3, milestone: false),
                    TaskSeed(title: "建立过亿元重点项目储备库并实行动态管理", owner: "经济发展局", coUnits: ["投资促进局"], deliverable: "项目储备库", acceptance: "入库项目不少于100个，逐一明确投资额、用地需求和推进阶段，每月更新。", weight: 3, milestone: false),
                    TaskSeed(title: "组织驻外招商小分队赴长三角、粤港澳大湾区开展专题招商", owner: "投资促进局", coUnits: [], deliverable: "招商活动报告", acceptance: "全年开展专题招商活动不少于12次，对接目标企业不少于80家。", weight: 3, milestone: false),
                    TaskSeed(title: "举办春季重点项目集中签约活动", owner: "投资促进局", coUnits: ["党政办公室"], deliverable: "签约协议及活动纪要", acceptance: "集中签约过亿元项目不少于10个，协议文本经法律顾问审核。", weight: 4, milestone: true),
                    TaskSeed(title: "建立签约项目履约评估制度", owner: "投资促进局", coUnits: ["财政金融局"], deliverable: "履约评估办法", acceptance: "办法印发实施，对已签约项目逐一评估投资强度和税收承诺履约情况。", weight: 2, milestone: false),
                    TaskSeed(title: "举办秋季重点项目集中签约活动", owner: "投资促进局", coUnits: ["党政办公室"], deliverable: "签约协议及活动纪要", acceptance: "集中签约过亿元项目不少于10个，全年累计签约达到30个。", weight: 4, milestone: true),
                ]
            ),
            WorkPointSeed(
                title: "推动签约项目加快落地",
                goal: "签约项目落地率达到80%以上，项目从签约到落地平均用时压缩至60个工作日以内。",
                leadUnit: "投资促进局",
                tasks: [
                    TaskSeed(title: "对签约过亿元项目实行“一项目一专班”推进", owner: "投资促进局", coUnits: ["经济发展局"], deliverable: "项目专班名单", acceptance: "每个签约过亿元项目明确牵头领导、责任单位和落地时限。", weight: 3, milestone: false),
                    TaskSeed(title: "编制年度建设用地供应计划", owner: "自然资源分局", coUnits: ["规划建设局"], deliverable: "供地计划", acceptance: "计划经管委会审定，保障重点项目用地不少于3000亩。", weight: 4, milestone: true),
                    TaskSeed(title: "推行工业用地“标准地”出让，完成首批标准地供应", owner: "自然资源分局", coUnits: ["经济发展局"], deliverable: "土地出让合同", acceptance: "首批不少于5宗标准地完成出让，合同明确亩均投资和亩均税收控制指标。", weight: 4, milestone: false),
                    TaskSeed(title: "对落地项目开展全程代办帮办服务", owner: "行政审批服务局", coUnits: ["企业服务中心"], deliverable: "代办服务台账", acceptance: "重点项目代办覆盖率达到100%，办件全程留痕可查。", weight: 3, milestone: false),
                    TaskSeed(title: "推行“拿地即开工”审批模式", owner: "行政审批服务局", coUnits: ["规划建设局", "自然资源分局"], deliverable: "审批改革实施方案", acceptance: "全年不少于8个项目在取得土地证当日领取施工许可证。", weight: 4, milestone: false),
                    TaskSeed(title: "开展签约项目落地情况专项核查", owner: "督查考核办公室", coUnits: ["投资促进局"], deliverable: "核查通报", acceptance: "逐项核实落地进度，未落地项目形成问题清单并限期整改。", weight: 3, milestone: false),
                ]
            ),
            WorkPointSeed(
                title: "抓好重点项目集中开工",
                goal: "全年新开工项目25个以上，年度计划新开工项目开工率达到100%。",
                leadUnit: "规划建设局",
                tasks: [
                    TaskSeed(title: "编制年度新开工项目计划和前期工作推进表", owner: "经济发展局", coUnits: ["规划建设局"], deliverable: "开工计划表", acceptance: "逐项明确规划、用地、环评、施工许可办理时限和责任人。", weight: 3, milestone: false),
                    TaskSeed(title: "集中办理新开工项目规划许可和施工许可", owner: "规划建设局", coUnits: ["行政审批服务局"], deliverable: "许可证件清单", acceptance: "计划开工项目的规划许可和施工许可在开工前全部办结。", weight: 4, milestone: false),
                    TaskSeed(title: "完成新开工项目环境影响评价审批", owner: "生态环境分局", coUnits: [], deliverable: "环评批复文件", acceptance: "需环评项目全部取得批复，审批用时压缩至法定时限的一半以内。", weight: 3, milestone: false),
                    TaskSeed(title: "落实施工现场水电气暖等配套条件", owner: "规划建设局", coUnits: ["产业园区发展有限公司"], deliverable: "配套条件确认单", acceptance: "项目红线外水、电、气、暖、路配套全部满足开工需要。", weight: 3, milestone: false),
                    TaskSeed(title: "组织第一季度重点项目集中开工活动", owner: "经济发展局", coUnits: ["党政办公室"], deliverable: "活动纪要及开工清单", acceptance: "集中开工项目不少于10个，全部实现现场实质性开工。", weight: 4, milestone: true),
                    TaskSeed(title: "组织第三季度重点项目集中开工活动", owner: "经济发展局", coUnits: ["党政办公室"], deliverable: "活动纪要及开工清单", acceptance: "集中开工项目不少于8个，全年新开工项目累计达到25个。", weight: 4, milestone: true),
                ]
            ),
            WorkPointSeed(
                title: "推动在建项目竣工投产",
                goal: "全年竣工项目20个、投产项目18个，新增产值50亿元。",
                leadUnit: "经济发展局",
                tasks: [
                    TaskSeed(title: "建立在建项目形象进度月报制度", owner: "经济发展局", coUnits: [], deliverable: "月度进度报表", acceptance: "在建项目每月25日前报送形象进度和投资完成额，报送率100%。", weight: 2, milestone: false),
                    TaskSeed(title: "协调解决在建项目用工、建材和资金问题", owner: "经济发展局", coUnits: ["人力资源和社会保障局", "财政金融局"], deliverable: "问题协调台账", acceptance: "项目反映问题办结率达到90%以上，未办结问题说明原因和时限。", weight: 3, milestone: false),
                    TaskSeed(title: "出台工程建设项目联合验收工作规程", owner: "规划建设局", coUnits: ["行政审批服务局", "消防救援大队"], deliverable: "工作规程", acceptance: "规程印发实施，联合验收办理时限不超过10个工作日。", weight: 3, milestone: true),
                    TaskSeed(title: "完成上半年计划竣工项目验收", owner: "规划建设局", coUnits: [], deliverable: "竣工验收报告", acceptance: "上半年计划竣工项目全部通过竣工验收并完成备案。", weight: 4, milestone: false),
                    TaskSeed(title: "协调投产项目办理排污许可、生产许可等手续", owner: "生态环境分局", coUnits: ["市场监督管理分局"], deliverable: "许可证件清单", acceptance: "投产项目在试生产前取得全部必需证照。", weight: 3, milestone: false),
                    TaskSeed(title: "推动竣工项目投产达效并纳入规上统计", owner: "经济发展局", coUnits: ["统计局"], deliverable: "投产项目清单", acceptance: "全年投产项目18个，达到入统标准的企业在当月纳入统计。", weight: 4, milestone: true),
                ]
            ),
            WorkPointSeed(
                title: "强化重点项目调度和要素保障",
                goal: "建立周调度、月通报、季观摩机制，重点项目年度投资完成率达到100%。",
                leadUnit: "经济发展局",
                tasks: [
                    TaskSeed(title: "印发重点项目“挂图作战”调度方案", owner: "经济发展局", coUnits: ["督查考核办公室"], deliverable: "调度方案", acceptance: "方案明确每个项目的时间表、路线图和包保领导。", weight: 4, milestone: true),
                    TaskSeed(title: "每周召开重点项目推进调度会", owner: "经济发展局", coUnits: [], deliverable: "会议纪要", acceptance: "纪要事项全部分解到责任单位并限期办结，办结率达到95%。", weight: 3, milestone: false),
                    TaskSeed(title: "开展重点项目投资入库统计审核", owner: "统计局", coUnits: ["经济发展局"], deliverable: "统计报表", acceptance: "应入库项目全部入库，投资数据与合同、发票等佐证材料一致。", weight: 3, milestone: false),
                    TaskSeed(title: "落实重点项目能耗和污染物排放总量指标", owner: "生态环境分局", coUnits: ["经济发展局"], deliverable: "指标保障清单", acceptance: "重点项目所需能耗和排放总量指标全部落实来源。", weight: 3, milestone: false),
                    TaskSeed(title: "组织上半年重点项目现场观摩评比", owner: "督查考核办公室", coUnits: ["经济发展局"], deliverable: "观摩评比通报", acceptance: "观摩项目不少于20个，评比结果纳入部门季度考核。", weight: 3, milestone: false),
                    TaskSeed(title: "组织下半年重点项目现场观摩评比", owner: "督查考核办公室", coUnits: ["经济发展局"], deliverable: "观摩评比通报", acceptance: "观摩项目不少于20个，评比结果纳入部门年度考核。", weight: 3, milestone: false),
                    TaskSeed(title: "编制重点项目年度推进情况总结报告", owner: "经济发展局", coUnits: [], deliverable: "总结报告", acceptance: "逐项对比计划投资与实际完成投资，分析偏差原因并提出下年度计划建议。", weight: 2, milestone: false),
                ]
            ),
        ]
    )

    // MARK: 三、产业转型升级计划

    private static let plan03 = PlanSeed(
        name: "产业转型升级计划",
        goal: "高新技术产业产值占规上工业总产值比重提高到68%，新一代信息技术、高端装备、生物医药三大主导产业营业收入增长15%，完成技术改造项目40个。",
        leader: "赵文博",
        leadUnit: "经济发展局",
        coUnits: ["科技创新局", "生态环境分局"],
        workPoints: [
            WorkPointSeed(
                title: "推动优势产业集聚集约发展",
                goal: "落实产业链“链长制”，三大主导产业集群规模突破800亿元。",
                leadUnit: "经济发展局",
                tasks: [
                    TaskSeed(title: "编制三大主导产业链发展图谱和补链清单", owner: "经济发展局", coUnits: ["投资促进局"], deliverable: "产业链图谱", acceptance: "图谱明确每条产业链的链主企业、缺失环节和补链目标企业。", weight: 3, milestone: false),
                    TaskSeed(title: "印发产业链“链长制”工作方案", owner: "经济发展局", coUnits: [], deliverable: "工作方案", acceptance: "方案经党工委会议审定，每条产业链明确链长、链主企业和牵头部门。", weight: 4, milestone: true),
                    TaskSeed(title: "召开产业链链长工作推进会", owner: "党政办公室", coUnits: ["经济发展局"], deliverable: "会议纪要", acceptance: "每条产业链每季度至少召开1次推进会，议定事项按期办结。", weight: 2, milestone: false),
                    TaskSeed(title: "组织链主企业与本地配套企业开展供需对接", owner: "经济发展局", coUnits: ["企业服务中心"], deliverable: "对接活动记录", acceptance: "全年举办对接活动6场，促成本地配套合作项目不少于20个。", weight: 3, milestone: false),
                    TaskSeed(title: "推进生物医药专业园区一期建设", owner: "产业园区发展有限公司", coUnits: ["规划建设局"], deliverable: "工程进度报告", acceptance: "园区一期标准厂房主体完工，完成招租意向登记不少于10家。", weight: 4, milestone: false),
                    TaskSeed(title: "编制产业集群发展年度评估报告", owner: "经济发展局", coUnits: ["统计局"], deliverable: "评估报告", acceptance: "报告包含集群营业收入、增速及与全省同类园区的对比分析。", weight: 2, milestone: false),
                ]
            ),
            WorkPointSeed(
                title: "实施传统产业智能化技术改造",
                goal: "完成技术改造项目40个，技改投资增长15%，新增省级智能工厂和数字化车间5个。",
                leadUnit: "经济发展局",
                tasks: [
                    TaskSeed(title: "开展工业企业智能化改造诊断服务", owner: "经济发展局", coUnits: [], deliverable: "诊断报告", acceptance: "完成诊断企业不少于50家，每户出具诊断报告和改造建议。", weight: 3, milestone: false),
                    TaskSeed(title: "建立年度技术改造项目库", owner: "经济发展局", coUnits: ["统计局"], deliverable: "技改项目库", acceptance: "入库技改项目不少于50个，逐项列明投资额和建设周期。", weight: 3, milestone: false),
                    TaskSeed(title: "组织申报省级智能工厂和数字化车间", owner: "经济发展局", coUnits: [], deliverable: "申报材料", acceptance: "推荐申报不少于8家，按省工信厅通知时限报送。", weight: 3, milestone: false),
                    TaskSeed(title: "兑现技术改造设备投资奖补资金", owner: "财政金融局", coUnits: ["经济发展局"], deliverable: "资金拨付凭证", acceptance: "审核通过项目的奖补资金全部拨付，拨付结果公开。", weight: 3, milestone: false),
                    TaskSeed(title: "完成年度技改项目竣工验收", owner: "经济发展局", coUnits: [], deliverable: "验收报告", acceptance: "全年完成技改项目40个，全部通过竣工验收。", weight: 4, milestone: true),
                ]
            ),
            WorkPointSeed(
                title: "发展数字经济和工业互联网",
                goal: "新增行业级工业互联网平台2个，上云企业达到500家，数字经济核心产业营业收入增长18%。",
                leadUnit: "经济发展局",
                tasks: [
                    TaskSeed(title: "出台数字经济高质量发展扶持政策", owner: "经济发展局", coUnits: ["财政金融局"], deliverable: "政策文件", acceptance: "政策经合法性审查并印发，明确平台建设和企业上云补助标准。", weight: 4, milestone: true),
                    TaskSeed(title: "开展企业“上云用数赋智”专项行动", owner: "经济发展局", coUnits: ["兴科街道办事处"], deliverable: "上云企业清单", acceptance: "全年新增上云企业100家，上云企业累计达到500家。", weight: 3, milestone: false),
                    TaskSeed(title: "支持龙头企业建设行业级工业互联网平台", owner: "经济发展局", coUnits: ["科技创新局"], deliverable: "平台建设方案及上线报告", acceptance: "2个平台上线运行，各接入企业不少于50家。", weight: 4, milestone: false),
                    TaskSeed(title: "推进园区5G基站和千兆光网建设", owner: "规划建设局", coUnits: ["产业园区发展有限公司"], deliverable: "建设清单", acceptance: "全年新建5G基站150个，重点园区实现5G信号全覆盖。", weight: 3, milestone: false),
                    TaskSeed(title: "举办数字化转型供需对接会", owner: "经济发展局", coUnits: [], deliverable: "活动记录", acceptance: "全年举办对接会2场，参会企业不少于100家。", weight: 2, milestone: false),
                    TaskSeed(title: "开展数字经济核心产业统计监测", owner: "统计局", coUnits: ["经济发展局"], deliverable: "统计监测报表", acceptance: "按季度出具监测报表，统计口径符合国家数字经济及其核心产业统计分类。", weight: 2, milestone: false),
                ]
            ),
            WorkPointSeed(
                title: "推动绿色低碳转型",
                goal: "规上工业单位增加值能耗下降3.5%，创建省级绿色工厂4家，完成重点企业清洁生产审核10家。",
                leadUnit: "生态环境分局",
                tasks: [
                    TaskSeed(title: "印发年度节能降碳工作方案", owner: "经济发展局", coUnits: ["生态环境分局"], deliverable: "工作方案", acceptance: "方案将能耗下降目标分解到重点用能企业，经管委会审定印发。", weight: 4, milestone: true),
                    TaskSeed(title: "开展重点用能企业节能监察", owner: "经济发展局", coUnits: ["生态环境分局"], deliverable: "监察报告", acceptance: "重点用能企业监察覆盖率达到100%，发现问题全部限期整改。", weight: 3, milestone: false),
                    TaskSeed(title: "组织重点企业开展清洁生产审核", owner: "生态环境分局", coUnits: [], deliverable: "审核评估意见", acceptance: "完成清洁生产审核企业10家，全部通过评估验收。", weight: 3, milestone: false),
                    TaskSeed(title: "组织申报省级绿色工厂", owner: "经济发展局", coUnits: [], deliverable: "申报材料", acceptance: "推荐申报不少于6家，全部通过市级审核推荐。", weight: 3, milestone: false),
                    TaskSeed(title: "推进园区屋顶分布式光伏项目建设", owner: "产业园区发展有限公司", coUnits: ["规划建设局"], deliverable: "并网验收文件", acceptance: "新增分布式光伏装机容量20兆瓦并完成并网验收。", weight: 3, milestone: false),
                    TaskSeed(title: "开展“两高”项目清理排查", owner: "生态环境分局", coUnits: ["经济发展局"], deliverable: "排查台账", acceptance: "全区“两高”项目逐一建档，发现问题全部整改销号。", weight: 3, milestone: false),
                ]
            ),
            WorkPointSeed(
                title: "盘活低效用地，推动园区提质增效",
                goal: "完成亩均效益综合评价，盘活低效闲置用地1000亩，亩均税收提高10%。",
                leadUnit: "自然资源分局",
                tasks: [
                    TaskSeed(title: "开展工业企业亩均效益综合评价", owner: "经济发展局", coUnits: ["高新区税务局", "统计局"], deliverable: "评价结果", acceptance: "规上工业企业和用地5亩以上规下企业评价全覆盖，结果按A、B、C、D四类公布。", weight: 4, milestone: true),
                    TaskSeed(title: "排查低效用地和闲置厂房并建立台账", owner: "自然资源分局", coUnits: ["兴科街道办事处", "临湾街道办事处"], deliverable: "低效用地台账", acceptance: "逐宗标明面积、权属、现状和拟处置方式。", weight: 3, milestone: false),
                    TaskSeed(title: "实施亩均效益差别化要素配置政策", owner: "财政金融局", coUnits: ["经济发展局"], deliverable: "政策文件", acceptance: "对A类企业在用地、用能、信贷上优先保障，对D类企业明确限期整改要求。", weight: 3, milestone: false),
                    TaskSeed(title: "通过收回、转让、二次开发等方式盘活低效用地", owner: "自然资源分局", coUnits: ["产业园区发展有限公司"], deliverable: "处置文件", acceptance: "全年盘活低效闲置用地1000亩，处置文件齐全合规。", weight: 4, milestone: false),
                    TaskSeed(title: "建设“工业上楼”高标准厂房项目", owner: "产业园区发展有限公司", coUnits: ["规划建设局"], deliverable: "工程进度报告", acceptance: "高标准厂房主体封顶，完成招租意向登记不少于15家。", weight: 3, milestone: false),
                ]
            ),
        ]
    )

    // MARK: 四、骨干企业提升计划

    private static let plan04 = PlanSeed(
        name: "骨干企业提升计划",
        goal: "培育营业收入过10亿元企业10家、过亿元企业80家，新增国家级专精特新“小巨人”企业3家、省级专精特新企业20家、瞪羚企业10家，推动1家企业报送首发上市申请。",
        leader: "周振华",
        leadUnit: "企业服务中心",
        coUnits: ["经济发展局", "科技创新局", "统计局"],
        workPoints: [
            WorkPointSeed(
                title: "实施骨干企业“一企一策”精准服务",
                goal: "建立50家骨干企业培育库，实行区级领导包保，骨干企业诉求办结率达到100%。",
                leadUnit: "企业服务中心",
                tasks: [
                    TaskSeed(title: "遴选确定年度骨干企业培育名单", owner: "经济发展局", coUnits: ["统计局", "高新区税务局"], deliverable: "培育名单", acceptance: "综合营业收入、纳税额和研发投入遴选50家，名单经管委会审定。", weight: 3, milestone: false),
                    TaskSeed(title: "建立区级领导和部门包保骨干企业制度", owner: "企业服务中心", coUnits: ["党政办公室"], deliverable: "包保责任清单", acceptance: "每户骨干企业明确一名包保领导和一名服务专员，清单印发各单位。", weight: 4, milestone: true),
                    TaskSeed(title: "为骨干企业逐户制定“一企一策”成长方案", owner: "企业服务中心", coUnits: ["经济发展局"], deliverable: "一企一策方案", acceptance: "50户方案全部制定，逐户明确年度营收目标和支持措施。", weight: 3, milestone: false),
                    TaskSeed(title: "开展骨干企业季度走访", owner: "企业服务中心", coUnits: [], deliverable: "走访记录", acceptance: "每季度走访覆盖全部骨干企业，收集问题全部录入诉求平台。", weight: 2, milestone: false),
                    TaskSeed(title: "召开骨干企业发展座谈会", owner: "党政办公室", coUnits: ["企业服务中心"], deliverable: "会议纪要", acceptance: "座谈会议定事项逐项明确责任单位和办结时限。", weight: 2, milestone: false),
                    TaskSeed(title: "开展骨干企业年度成长评估", owner: "企业服务中心", coUnits: ["统计局"], deliverable: "评估报告", acceptance: "对照年初目标逐户评估营收、纳税增长情况，提出下年度调整意见。", weight: 2, milestone: false),
                ]
            ),
            WorkPointSeed(
                title: "推动专精特新和瞪羚企业梯度培育",
                goal: "新增国家级专精特新“小巨人”企业3家、省级专精特新中小企业20家、瞪羚企业10家。",
                leadUnit: "经济发展局",
                tasks: [
                    TaskSeed(title: "建立创新型中小企业、专精特新、“小巨人”梯度培育库", owner: "经济发展局", coUnits: ["科技创新局"], deliverable: "梯度培育库", acceptance: "入库企业不少于150家，分层标注培育目标和申报年度。", weight: 3, milestone: false),
                    TaskSeed(title: "组织创新型中小企业评价申报", owner: "经济发展局", coUnits: [], deliverable: "申报汇总表", acceptance: "申报企业不少于60家，按省工信厅时限完成自评和审核。", weight: 3, milestone: false),
                    TaskSeed(title: "组织省级专精特新中小企业申报", owner: "经济发展局", coUnits: [], deliverable: "申报材料", acceptance: "推荐申报不少于30家，按期报送省工信厅。", weight: 4, milestone: false),
                    TaskSeed(title: "组织国家级专精特新“小巨人”企业申报", owner: "经济发展局", coUnits: ["企业服务中心"], deliverable: "申报材料", acceptance: "推荐申报不少于6家，全部通过省级初审推荐。", weight: 4, milestone: true),
                    TaskSeed(title: "组织瞪羚企业申报认定", owner: "科技创新局", coUnits: [], deliverable: "申报材料", acceptance: "推荐申报不少于15家，全部通过市级审核。", weight: 3, milestone: false),
                    TaskSeed(title: "兑现专精特新和瞪羚企业认定奖励", owner: "财政金融局", coUnits: ["经济发展局", "科技创新局"], deliverable: "奖励兑现清单", acceptance: "新认定企业奖励全部兑现并在管委会门户网站公示。", weight: 3, milestone: false),
                ]
            ),
            WorkPointSeed(
                title: "推进“小升规”企业培育",
                goal: "全年新增规上工业企业30家、规上服务业企业15家。",
                leadUnit: "统计局",
                tasks: [
                    TaskSeed(title: "筛选营业收入1500万元以上规下企业建立“小升规”培育库", owner: "统计局", coUnits: ["高新区税务局", "经济发展局"], deliverable: "培育库名单", acceptance: "入库企业不少于60家，按月跟踪营业收入和开票数据。", weight: 3, milestone: false),
                    TaskSeed(title: "开展“小升规”政策宣传和统计业务培训", owner: "统计局", coUnits: [], deliverable: "培训记录", acceptance: "培育库企业培训覆盖率达到100%。", weight: 2, milestone: false),
                    TaskSeed(title: "落实新升规企业奖励政策", owner: "财政金融局", coUnits: ["统计局"], deliverable: "奖励兑现清单", acceptance: "新升规企业奖励资金按季度兑现，无超期未兑现情况。", weight: 3, milestone: false),
                    TaskSeed(title: "按月组织达标企业申报入库", owner: "统计局", coUnits: ["经济发展局"], deliverable: "入库申报材料", acceptance: "达标企业应报尽报，入库资料审核通过率100%。", weight: 3, milestone: false),
                    TaskSeed(title: "开展新入规企业统计数据质量核查", owner: "统计局", coUnits: [], deliverable: "核查报告", acceptance: "新入规企业统计台账健全，原始记录与报表数据一致。", weight: 2, milestone: false),
                    TaskSeed(title: "完成年度“小升规”目标任务", owner: "统计局", coUnits: ["督查考核办公室"], deliverable: "统计报表", acceptance: "全年新增规上工业企业30家、规上服务业企业15家，均已纳入联网直报。", weight: 4, milestone: true),
                ]
            ),
            WorkPointSeed(
                title: "推动企业上市挂牌",
                goal: "上市后备资源库企业达到40家，1家企业报送首发上市申请并获受理，新增区域性股权市场挂牌企业10家。",
                leadUnit: "财政金融局",
                tasks: [
                    TaskSeed(title: "更新企业上市后备资源库", owner: "财政金融局", coUnits: ["科技创新局"], deliverable: "后备资源库名单", acceptance: "入库企业不少于40家，按辅导、申报、培育三个梯次管理。", weight: 2, milestone: false),
                    TaskSeed(title: "联合证券交易所区域基地举办上市专题培训", owner: "财政金融局", coUnits: [], deliverable: "培训记录", acceptance: "全年举办上市专题培训4期，参训企业不少于80家次。", weight: 2, milestone: false),
                    TaskSeed(title: "协调解决拟上市企业土地、房产、社保等历史遗留问题", owner: "财政金融局", coUnits: ["自然资源分局", "人力资源和社会保障局"], deliverable: "问题办结台账", acceptance: "企业提出问题后20个工作日内出具书面办理意见。", weight: 4, milestone: false),
                    TaskSeed(title: "推动重点拟上市企业完成股份制改造", owner: "财政金融局", coUnits: [], deliverable: "股改工商变更材料", acceptance: "完成股份制改造企业不少于5家。", weight: 3, milestone: false),
                    TaskSeed(title: "推动1家企业向证券交易所报送首发上市申请", owner: "财政金融局", coUnits: [], deliverable: "受理通知书", acceptance: "取得证券交易所受理通知书。", weight: 5, milestone: true),
                    TaskSeed(title: "推动企业在区域性股权市场挂牌", owner: "财政金融局", coUnits: ["科创投资集团有限公司"], deliverable: "挂牌证明", acceptance: "全年新增挂牌企业10家。", weight: 3, milestone: false),
                ]
            ),
            WorkPointSeed(
                title: "加强企业家和人才队伍建设",
                goal: "开展企业家培训600人次以上，为骨干企业引进高层次人才150人。",
                leadUnit: "人力资源和社会保障局",
                tasks: [
                    TaskSeed(title: "举办“高新企业家大讲堂”", owner: "党群工作部", coUnits: ["企业服务中心"], deliverable: "培训记录", acceptance: "全年举办6期，累计培训企业家不少于600人次。", weight: 2, milestone: false),
                    TaskSeed(title: "组织骨干企业负责人赴先进地区考察学习", owner: "企业服务中心", coUnits: [], deliverable: "考察报告", acceptance: "组织考察2批次，形成考察报告和可借鉴举措清单。", weight: 2, milestone: false),
                    TaskSeed(title: "开展骨干企业高层次人才引进专项行动", owner: "人力资源和社会保障局", coUnits: ["科技创新局"], deliverable: "人才引进名单", acceptance: "全年为骨干企业引进硕士以上学历或副高以上职称人才150人。", weight: 4, milestone: false),
                    TaskSeed(title: "发放“高新人才卡”并落实人才服务保障", owner: "人力资源和社会保障局", coUnits: ["社会事业局"], deliverable: "人才卡发放台账", acceptance: "持卡人才子女入学、就医、住房服务事项落实率达到100%。", weight: 3, milestone: false),
                    TaskSeed(title: "支持骨干企业开展职业技能等级自主认定", owner: "人力资源和社会保障局", coUnits: [], deliverable: "认定备案材料", acceptance: "支持10家企业开展自主评价，认定技能人才1000人。", weight: 3, milestone: false),
                    TaskSeed(title: "评选表彰年度优秀企业家", owner: "党政办公室", coUnits: ["企业服务中心"], deliverable: "表彰决定", acceptance: "表彰决定经党工委会议研究后印发，并在全区经济工作会议上颁奖。", weight: 3, milestone: true),
                ]
            ),
        ]
    )

    // MARK: 五、营商环境优化计划

    private static let plan05 = PlanSeed(
        name: "营商环境优化计划",
        goal: "以“放管服”改革为抓手，以政务服务、企业开办等13个营商环境评价指标为载体，全市营商环境评价位次进入前三，在全市首创高新区营商环境工作品牌。",
        leader: "刘海涛",
        leadUnit: "行政审批服务局",
        coUnits: ["督查考核办公室", "市场监督管理分局", "企业服务中心"],
        workPoints: [
            WorkPointSeed(
                title: "以13个营商环境评价指标为载体对标提升",
                goal: "政务服务、企业开办、办理建筑许可、获得电力、获得用水用气、登记财产、纳税、获得信贷、政府采购、招标投标、知识产权创造保护和运用、市场监管、劳动力市场监管13个指标全部进入全市前列。",
                leadUnit: "行政审批服务局",
                tasks: [
                    TaskSeed(title: "对照上年度全市营商环境评价结果梳理失分点", owner: "行政审批服务局", coUnits: ["督查考核办公室"], deliverable: "问题清单", acceptance: "13个指标失分点逐项列明原因、责任单位和整改时限。", weight: 3, milestone: false),
                    TaskSeed(title: "制定13个营商环境评价指标提升方案", owner: "行政审批服务局", coUnits: [], deliverable: "提升方案", acceptance: "每个指标明确一个牵头单位和可量化的提升目标，方案经主任办公会审定印发。", weight: 4, milestone: true),
                    TaskSeed(title: "企业开办实现“一窗通办、一日办结”", owner: "市场监督管理分局", coUnits: ["高新区税务局"], deliverable: "办件统计报表", acceptance: "企业开办全流程办理时间压缩至0.5个工作日以内，新开办企业免费刻制公章。", weight: 3, milestone: false),
                    TaskSeed(title: "压缩工程建设项目审批和水电气报装时限", owner: "规划建设局", coUnits: ["行政审批服务局"], deliverable: "审批流程图", acceptance: "社会投资小型低风险项目审批时限不超过15个工作日，水电气报装时间压缩至5个工作日以内。", weight: 4, milestone: false),
                    TaskSeed(title: "推进不动产登记与税费缴纳“一窗受理”", owner: "自然资源分局", coUnits: ["高新区税务局"], deliverable: "办件统计报表", acceptance: "企业间不动产转移登记1个工作日内办结。", weight: 3, milestone: false),
                    TaskSeed(title: "推广纳税服务“非接触式”办理", owner: "高新区税务局", coUnits: [], deliverable: "办件统计报表", acceptance: "主要涉税事项网上办理率达到95%以上。", weight: 3, milestone: false),
                    TaskSeed(title: "开展13个营商环境评价指标模拟测评", owner: "督查考核办公室", coUnits: ["行政审批服务局"], deliverable: "模拟测评报告", acceptance: "13个指标全部完成模拟测评，低于全市平均水平的指标形成专项整改方案。", weight: 4, milestone: true),
                ]
            ),
            WorkPointSeed(
                title: "深化政务服务“一网通办”改革",
                goal: "政务服务事项全程网办率达到90%，“一次办好”事项占比达到100%。",
                leadUnit: "行政审批服务局",
                tasks: [
                    TaskSeed(title: "梳理公布政务服务事项清单和办事指南", owner: "行政审批服务局", coUnits: [], deliverable: "事项清单", acceptance: "清单要素完整，与省政务服务平台发布数据一致。", weight: 2, milestone: false),
                    TaskSeed(title: "推行“一件事一次办”集成服务", owner: "行政审批服务局", coUnits: ["市场监督管理分局"], deliverable: "集成服务清单", acceptance: "上线“一件事”主题集成服务不少于30项。", weight: 3, milestone: false),
                    TaskSeed(title: "设立企业全生命周期服务专区和帮办代办窗口", owner: "行政审批服务局", coUnits: ["企业服务中心"], deliverable: "窗口设置方案", acceptance: "服务专区启用，配备专职帮办代办人员不少于6名。", weight: 3, milestone: false),
                    TaskSeed(title: "落实政务服务“好差评”和首问负责、限时办结制度", owner: "行政审批服务局", coUnits: [], deliverable: "评价统计报表", acceptance: "“好差评”主动评价率达到90%以上，差评整改率达到100%。", weight: 2, milestone: false),
                    TaskSeed(title: "推进电子证照在涉企审批中的应用", owner: "行政审批服务局", coUnits: [], deliverable: "应用情况报告", acceptance: "高频涉企事项电子证照调用率达到80%。", weight: 3, milestone: false),
                    TaskSeed(title: "完成政务服务中心标准化建设验收", owner: "行政审批服务局", coUnits: [], deliverable: "验收报告", acceptance: "通过市级政务服务标准化建设验收。", weight: 4, milestone: true),
                ]
            ),
            WorkPointSeed(
                title: "印发深化“放管服”改革优化营商环境工作考核督查办法",
                goal: "出台考核督查办法，建立扎实有效的督导考核机制，营商环境工作在部门综合考核中权重不低于10%。",
                leadUnit: "督查考核办公室",
                tasks: [
                    TaskSeed(title: "调研学习先进地区营商环境考核督查经验", owner: "督查考核办公室", coUnits: ["行政审批服务局"], deliverable: "调研报告", acceptance: "调研不少于3个先进功能区，形成可借鉴做法清单。", weight: 2, milestone: false),
                    TaskSeed(title: "起草营商环境工作考核督查办法（征求意见稿）", owner: "督查考核办公室", coUnits: ["行政审批服务局"], deliverable: "征求意见稿", acceptance: "征求意见稿明确考核对象、指标权重、督查方式和结果运用。", weight: 3, milestone: false),
                    TaskSeed(title: "书面征求各部门、街道和企业代表意见并完成合法性审查", owner: "督查考核办公室", coUnits: ["党政办公室"], deliverable: "意见采纳情况说明", acceptance: "征求意见覆盖全部责任单位，合法性审查意见为无异议。", weight: 2, milestone: false),
                    TaskSeed(title: "印发深化“放管服”改革优化营商环境工作考核督查办法", owner: "督查考核办公室", coUnits: [], deliverable: "正式文件", acceptance: "办法经党工委会议审议通过，以管委会正式文件印发。", weight: 5, milestone: true),
                    TaskSeed(title: "开展营商环境工作季度督查并通报", owner: "督查考核办公室", coUnits: ["行政审批服务局"], deliverable: "督查通报", acceptance: "每季度通报一次，通报问题全部按期整改销号。", weight: 3, milestone: false),
                    TaskSeed(title: "完成营商环境工作年度考核评分", owner: "督查考核办公室", coUnits: [], deliverable: "考核结果报告", acceptance: "评分依据和佐证材料留存完整，考核结果经党工委会议审定。", weight: 4, milestone: false),
                ]
            ),
            WorkPointSeed(
                title: "开展营商环境政策新闻发布会",
                goal: "全年举办营商环境政策新闻发布会4场，新出台惠企政策解读覆盖率达到100%。",
                leadUnit: "党政办公室",
                tasks: [
                    TaskSeed(title: "制定年度营商环境政策新闻发布计划", owner: "党政办公室", coUnits: ["行政审批服务局"], deliverable: "发布计划", acceptance: "明确4场发布会的主题、发布人和时间安排。", weight: 2, milestone: false),
                    TaskSeed(title: "召开第一季度营商环境政策新闻发布会", owner: "党政办公室", coUnits: ["行政审批服务局"], deliverable: "发布会实录", acceptance: "发布“一网通办”改革举措并现场答记者问，市级以上媒体报道不少于3家。", weight: 3, milestone: true),
                    TaskSeed(title: "召开第二季度营商环境政策新闻发布会", owner: "党政办公室", coUnits: ["科技创新局"], deliverable: "发布会实录", acceptance: "解读科技创新扶持政策，市级以上媒体报道不少于3家。", weight: 3, milestone: false),
                    TaskSeed(title: "召开第三季度营商环境政策新闻发布会", owner: "党政办公室", coUnits: ["财政金融局"], deliverable: "发布会实录", acceptance: "解读金融助企和“免申即享”政策，市级以上媒体报道不少于3家。", weight: 3, milestone: false),
                    TaskSeed(title: "召开第四季度营商环境政策新闻发布会", owner: "党政办公室", coUnits: ["企业服务中心"], deliverable: "发布会实录", acceptance: "通报全年营商环境工作成效，市级以上媒体报道不少于3家。", weight: 3, milestone: false),
                    TaskSeed(title: "编印营商环境惠企政策汇编并精准推送企业", owner: "企业服务中心", coUnits: ["党政办公室"], deliverable: "政策汇编", acceptance: "汇编覆盖现行有效惠企政策，通过线上平台推送实现企业全覆盖。", weight: 2, milestone: false),
                ]
            ),
            WorkPointSeed(
                title: "完善政企交流互动机制",
                goal: "企业诉求1个工作日内响应、5个工作日内办结，诉求办结率100%，满意率95%以上。",
                leadUnit: "企业服务中心",
                tasks: [
                    TaskSeed(title: "建立“政企面对面”月度恳谈制度", owner: "企业服务中心", coUnits: ["党政办公室"], deliverable: "工作制度", acceptance: "制度印发实施，每月至少举办1场恳谈会。", weight: 3, milestone: false),
                    TaskSeed(title: "上线企业诉求“一号受理”平台", owner: "企业服务中心", coUnits: ["行政审批服务局"], deliverable: "平台上线报告", acceptance: "平台实现诉求受理、分办、反馈、评价全流程闭环管理。", weight: 4, milestone: true),
                    TaskSeed(title: "聘任营商环境监督员", owner: "督查考核办公室", coUnits: ["企业服务中心"], deliverable: "聘任名单", acceptance: "从企业和行业协会中聘任监督员不少于30名。", weight: 2, milestone: false),
                    TaskSeed(title: "开展“千名干部进千企”走访活动", owner: "企业服务中心", coUnits: ["党群工作部"], deliverable: "走访台账", acceptance: "走访企业不少于1000家次，收集问题全部录入诉求平台。", weight: 3, milestone: false),
                    TaskSeed(title: "对超期未办结企业诉求实行督办", owner: "督查考核办公室", coUnits: [], deliverable: "督办单", acceptance: "超期诉求全部下发督办单，并在5个工作日内办结反馈。", weight: 3, milestone: false),
                    TaskSeed(title: "开展诉求办理满意度回访", owner: "企业服务中心", coUnits: [], deliverable: "回访统计报表", acceptance: "回访率达到100%，不满意诉求全部二次办理。", weight: 2, milestone: false),
                ]
            ),
            WorkPointSeed(
                title: "在全市首创高新区营商环境工作品牌",
                goal: "形成“高新营商”工作品牌，1项以上创新做法在全市推广，力争入选全省营商环境创新案例。",
                leadUnit: "行政审批服务局",
                tasks: [
                    TaskSeed(title: "研究确定营商环境工作品牌名称、内涵和标识", owner: "行政审批服务局", coUnits: ["党政办公室"], deliverable: "品牌建设方案", acceptance: "品牌名称、内涵和标识经党工委会议审定。", weight: 3, milestone: false),
                    TaskSeed(title: "梳理提炼营商环境创新做法", owner: "行政审批服务局", coUnits: [], deliverable: "创新做法清单", acceptance: "提炼创新做法不少于10项，每项附实施成效数据。", weight: 2, milestone: false),
                    TaskSeed(title: "举办“高新营商”工作品牌发布活动", owner: "党政办公室", coUnits: ["行政审批服务局"], deliverable: "活动纪要", acceptance: "品牌正式发布，市级以上媒体宣传报道不少于3篇。", weight: 4, milestone: true),
                    TaskSeed(title: "向市营商环境主管部门报送创新案例", owner: "行政审批服务局", coUnits: [], deliverable: "案例材料", acceptance: "报送创新案例不少于3个，至少1个被市级发文推广。", weight: 3, milestone: false),
                    TaskSeed(title: "申报全省营商环境创新案例", owner: "行政审批服务局", coUnits: ["督查考核办公室"], deliverable: "申报材料", acceptance: "至少1个案例通过市级推荐报送省营商环境主管部门。", weight: 4, milestone: false),
                    TaskSeed(title: "开展营商环境工作品牌年度成效评估", owner: "督查考核办公室", coUnits: [], deliverable: "评估报告", acceptance: "企业满意度调查样本不少于300家，形成品牌提升建议。", weight: 2, milestone: false),
                ]
            ),
        ]
    )

    // MARK: 六、深化改革品牌计划

    private static let plan06 = PlanSeed(
        name: "深化改革品牌计划",
        goal: "健全完善改革项目库，实施重点改革项目30项，聚焦产业发展、项目落地、人才引进开展课题攻关，推动改革品牌全市争前列、全省争进位、全国争品牌。",
        leader: "刘海涛",
        leadUnit: "深化改革办公室",
        coUnits: ["党政办公室", "督查考核办公室"],
        workPoints: [
            WorkPointSeed(
                title: "健全完善改革项目库",
                goal: "入库重点改革项目30项，实行项目化、清单化、闭环化管理。",
                leadUnit: "深化改革办公室",
                tasks: [
                    TaskSeed(title: "面向部门、街道和企业征集年度改革项目建议", owner: "深化改革办公室", coUnits: [], deliverable: "项目建议汇总表", acceptance: "征集覆盖全部部门和街道，收集改革建议不少于50项。", weight: 2, milestone: false),
                    TaskSeed(title: "组织专家论证遴选重点改革项目", owner: "深化改革办公室", coUnits: [], deliverable: "专家论证意见", acceptance: "遴选重点改革项目30项，逐项明确改革目标、创新点和预期成果。", weight: 3, milestone: false),
                    TaskSeed(title: "印发年度改革项目库和任务分工", owner: "深化改革办公室", coUnits: ["党政办公室"], deliverable: "正式文件", acceptance: "项目库经党工委全面深化改革领导小组会议审定印发。", weight: 5, milestone: true),
                    TaskSeed(title: "建立改革项目月报和动态调整制度", owner: "深化改革办公室", coUnits: [], deliverable: "管理制度", acceptance: "各项目每月25日前报送进展，调整事项须经领导小组批准。", weight: 2, milestone: false),
                    TaskSeed(title: "开展改革项目中期评估", owner: "深化改革办公室", coUnits: ["督查考核办公室"], deliverable: "中期评估报告", acceptance: "逐项评估进度和成效，对滞后项目提出调整或加力意见。", weight: 3, milestone: false),
                    TaskSeed(title: "完成改革项目年度验收", owner: "深化改革办公室", coUnits: ["督查考核办公室"], deliverable: "验收报告", acceptance: "验收材料齐全，改革项目完成率不低于90%。", weight: 4, milestone: true),
                ]
            ),
            WorkPointSeed(
                title: "聚焦产业发展领域强化课题攻关",
                goal: "形成产业发展领域改革课题成果3项，推动产业政策集成创新。",
                leadUnit: "经济发展局",
                tasks: [
                    TaskSeed(title: "确定产业发展领域攻关课题并组建课题组", owner: "深化改革办公室", coUnits: ["经济发展局"], deliverable: "课题任务书", acceptance: "确定课题不少于3项，明确课题负责人、研究周期和成果形式。", weight: 2, milestone: false),
                    TaskSeed(title: "开展“亩产效益”评价和产业用地弹性出让课题研究", owner: "自然资源分局", coUnits: ["经济发展局"], deliverable: "研究报告", acceptance: "形成研究报告并提出不少于5条可操作的政策建议。", weight: 3, milestone: false),
                    TaskSeed(title: "开展产业链“链长制”运行机制课题研究", owner: "经济发展局", coUnits: [], deliverable: "研究报告", acceptance: "形成研究报告，提出链长、链主、链办协同运行制度建议。", weight: 3, milestone: false),
                    TaskSeed(title: "召开产业发展课题中期研讨会", owner: "深化改革办公室", coUnits: [], deliverable: "会议纪要", acceptance: "各课题提交中期成果并通过专家研讨。", weight: 2, milestone: false),
                    TaskSeed(title: "完成产业发展领域课题结题验收", owner: "深化改革办公室", coUnits: ["经济发展局"], deliverable: "结题报告", acceptance: "课题成果转化为政策文件或工作制度不少于2项。", weight: 4, milestone: true),
                ]
            ),
            WorkPointSeed(
                title: "聚焦项目落地领域强化课题攻关",
                goal: "形成项目落地领域改革成果3项，工业项目审批全流程时间压缩40%。",
                leadUnit: "行政审批服务局",
                tasks: [
                    TaskSeed(title: "确定项目落地领域攻关课题", owner: "深化改革办公室", coUnits: ["行政审批服务局"], deliverable: "课题任务书", acceptance: "确定课题不少于3项，明确课题负责人和研究周期。", weight: 2, milestone: false),
                    TaskSeed(title: "开展“承诺制+标准地”审批改革课题研究", owner: "行政审批服务局", coUnits: ["自然资源分局"], deliverable: "研究报告", acceptance: "提出可操作的审批流程再造方案和告知承诺事项清单。", weight: 3, milestone: false),
                    TaskSeed(title: "开展区域评估成果共享应用课题研究", owner: "规划建设局", coUnits: ["生态环境分局"], deliverable: "研究报告", acceptance: "完成环评、能评、水土保持等区域评估，成果向入区项目免费共享。", weight: 3, milestone: false),
                    TaskSeed(title: "选取3个工业项目开展审批改革试点", owner: "行政审批服务局", coUnits: [], deliverable: "试点总结报告", acceptance: "试点项目审批时间较改革前压缩40%以上。", weight: 4, milestone: false),
                    TaskSeed(title: "完成项目落地领域课题结题验收", owner: "深化改革办公室", coUnits: [], deliverable: "结题报告", acceptance: "形成制度成果不少于2项并在全区推行。", weight: 4, milestone: true),
                ]
            ),
            WorkPointSeed(
                title: "聚焦人才引进领域强化课题攻关",
                goal: "形成人才引进领域改革成果2项，全年引进各类人才3000人。",
                leadUnit: "人力资源和社会保障局",
                tasks: [
                    TaskSeed(title: "确定人才引进领域攻关课题", owner: "深化改革办公室", coUnits: ["人力资源和社会保障局"], deliverable: "课题任务书", acceptance: "确定课题不少于2项，明确课题负责人和研究周期。", weight: 2, milestone: false),
                    TaskSeed(title: "开展人才分类评价和“以赛引才”机制课题研究", owner: "人力资源和社会保障局", coUnits: ["科技创新局"], deliverable: "研究报告", acceptance: "形成研究报告，提出人才分类认定标准和赛事引才支持办法。", weight: 3, milestone: false),
                    TaskSeed(title: "开展产业人才“飞地”建设模式课题研究", owner: "人力资源和社会保障局", coUnits: ["投资促进局"], deliverable: "研究报告", acceptance: "提出在一线城市设立人才飞地的选址、运营和考核方案。", weight: 3, milestone: false),
                    TaskSeed(title: "修订高新区人才引进扶持办法", owner: "人力资源和社会保障局", coUnits: ["财政金融局"], deliverable: "政策文件", acceptance: "办法经合法性审查和公平竞争审查后印发。", weight: 4, milestone: true),
                    TaskSeed(title: "完成人才引进领域课题结题验收", owner: "深化改革办公室", coUnits: [], deliverable: "结题报告", acceptance: "课题成果转化为政策文件不少于1项。", weight: 3, milestone: false),
                ]
            ),
            WorkPointSeed(
                title: "抓实改革项目督导调度，创优改革品牌",
                goal: "改革品牌全市争前列、全省争进位、全国争品牌，1项以上改革经验获省级以上推广。",
                leadUnit: "深化改革办公室",
                tasks: [
                    TaskSeed(title: "建立改革项目领导包联和双月调度制度", owner: "深化改革办公室", coUnits: ["督查考核办公室"], deliverable: "调度制度", acceptance: "每个重点改革项目明确包联领导，每两个月召开一次调度会。", weight: 3, milestone: false),
                    TaskSeed(title: "对进度滞后改革项目下发督办单", owner: "督查考核办公室", coUnits: ["深化改革办公室"], deliverable: "督办单", acceptance: "滞后项目全部督办，并在规定时限内反馈整改情况。", weight: 3, milestone: false),
                    TaskSeed(title: "总结提炼改革典型经验案例", owner: "深化改革办公室", coUnits: [], deliverable: "典型案例汇编", acceptance: "汇编典型案例不少于10个，每个案例附量化成效。", weight: 2, milestone: false),
                    TaskSeed(title: "向市委改革办报送改革经验信息", owner: "深化改革办公室", coUnits: ["党政办公室"], deliverable: "信息报送台账", acceptance: "全年被市级以上采用改革信息不少于12篇。", weight: 2, milestone: false),
                    TaskSeed(title: "申报省级改革试点和国家级复制推广经验", owner: "深化改革办公室", coUnits: [], deliverable: "申报材料", acceptance: "至少1项改革经验获省级以上推广或列入省级改革试点。", weight: 5, milestone: true),
                    TaskSeed(title: "召开年度改革工作总结推进会", owner: "党政办公室", coUnits: ["深化改革办公室"], deliverable: "会议纪要", acceptance: "总结年度改革成效，部署下年度改革重点任务。", weight: 2, milestone: false),
                ]
            ),
        ]
    )

    // MARK: 七、金融助企纾困计划

    private static let plan07 = PlanSeed(
        name: "金融助企纾困计划",
        goal: "全年组织银企对接活动12场，新增企业贷款100亿元，帮助中小微企业融资50亿元，惠企政策“免申即享”事项占比达到40%，不发生区域性金融风险。",
        leader: "孙晓梅",
        leadUnit: "财政金融局",
        coUnits: ["科创投资集团有限公司", "企业服务中心"],
        workPoints: [
            WorkPointSeed(
                title: "开展企业融资需求摸排和融资对接",
                goal: "企业融资需求摸排全覆盖，全年举办银企对接活动12场，对接成功率达到70%。",
                leadUnit: "财政金融局",
                tasks: [
                    TaskSeed(title: "开展企业融资需求全面摸排", owner: "财政金融局", coUnits: ["企业服务中心"], deliverable: "融资需求台账", acceptance: "规上企业和科技型中小企业摸排全覆盖，建立融资需求清单。", weight: 3, milestone: false),
                    TaskSeed(title: "建立融资需求与金融产品匹配推送机制", owner: "财政金融局", coUnits: [], deliverable: "需求匹配清单", acceptance: "融资需求逐项推送合作银行，银行在3个工作日内反馈对接意见。", weight: 3, milestone: false),
                    TaskSeed(title: "每季度举办“政银企”融资对接会", owner: "财政金融局", coUnits: [], deliverable: "对接会纪要", acceptance: "每季度举办1场，全年现场签约金额不少于40亿元。", weight: 3, milestone: false),
                    TaskSeed(title: "举办主导产业链专场银企对接会", owner: "财政金融局", coUnits: ["经济发展局"], deliverable: "对接会纪要", acceptance: "三大主导产业链各举办1场专场对接，签约融资不少于15亿元。", weight: 3, milestone: false),
                    TaskSeed(title: "召开上半年金融服务实体经济推进会", owner: "党政办公室", coUnits: ["财政金融局"], deliverable: "会议纪要", acceptance: "通报各合作银行上半年信贷投放情况，明确下半年投放目标。", weight: 3, milestone: true),
                    TaskSeed(title: "建立融资对接结果跟踪反馈机制", owner: "财政金融局", coUnits: [], deliverable: "跟踪统计报表", acceptance: "对接项目按月跟踪放款情况，未成功项目逐一说明原因。", weight: 2, milestone: false),
                ]
            ),
            WorkPointSeed(
                title: "扩大信贷投放和融资增信支持",
                goal: "新增企业贷款100亿元，政府性融资担保新增10亿元，转贷应急资金周转1000笔。",
                leadUnit: "财政金融局",
                tasks: [
                    TaskSeed(title: "与合作银行签订年度战略合作协议", owner: "财政金融局", coUnits: [], deliverable: "合作协议", acceptance: "签约银行不少于10家，协议约定年度信贷投放额度合计不低于100亿元。", weight: 4, milestone: true),
                    TaskSeed(title: "扩充转贷应急资金池规模", owner: "财政金融局", coUnits: ["科创投资集团有限公司"], deliverable: "资金池管理办法", acceptance: "转贷应急资金池规模扩大到5亿元，单笔办理时间不超过2个工作日。", weight: 4, milestone: false),
                    TaskSeed(title: "推广“科信贷”“人才贷”等专属信贷产品", owner: "财政金融局", coUnits: ["科技创新局"], deliverable: "产品推广台账", acceptance: "专属信贷产品全年新增贷款15亿元。", weight: 3, milestone: false),
                    TaskSeed(title: "扩大政府性融资担保覆盖面", owner: "科创投资集团有限公司", coUnits: ["财政金融局"], deliverable: "担保业务统计表", acceptance: "全年新增担保额10亿元，小微企业担保费率不高于1%。", weight: 3, milestone: false),
                    TaskSeed(title: "落实普惠小微贷款延期还本付息和减费让利政策", owner: "财政金融局", coUnits: [], deliverable: "政策落实统计表", acceptance: "符合条件的企业应延尽延，合作银行逐户建立台账。", weight: 3, milestone: false),
                    TaskSeed(title: "开展银行机构支持实体经济年度考核", owner: "财政金融局", coUnits: ["督查考核办公室"], deliverable: "考核结果通报", acceptance: "考核结果公开通报，并与财政资金存放挂钩。", weight: 3, milestone: false),
                ]
            ),
            WorkPointSeed(
                title: "发展科技金融",
                goal: "设立10亿元科创产业引导基金，知识产权质押融资3亿元，科技保险覆盖企业100家。",
                leadUnit: "科创投资集团有限公司",
                tasks: [
                    TaskSeed(title: "设立高新区科创产业引导基金", owner: "科创投资集团有限公司", coUnits: ["财政金融局"], deliverable: "基金设立文件", acceptance: "基金完成工商注册和基金业协会备案，首期规模10亿元。", weight: 5, milestone: true),
                    TaskSeed(title: "引进创业投资机构落户", owner: "科创投资集团有限公司", coUnits: ["投资促进局"], deliverable: "落户协议", acceptance: "全年新引进创业投资机构不少于5家。", weight: 3, milestone: false),
                    TaskSeed(title: "推广知识产权质押融资", owner: "财政金融局", coUnits: ["知识产权运营服务中心"], deliverable: "质押登记清单", acceptance: "全年知识产权质押融资达到3亿元。", weight: 3, milestone: false),
                    TaskSeed(title: "落实科技保险保费补贴", owner: "财政金融局", coUnits: ["科技创新局"], deliverable: "补贴兑现清单", acceptance: "投保企业不少于100家，保费补贴全部兑现。", weight: 2, milestone: false),
                    TaskSeed(title: "完成引导基金首批子基金和直投项目投资决策", owner: "科创投资集团有限公司", coUnits: [], deliverable: "投资决策会议纪要", acceptance: "首批投资项目不少于5个，投资额不少于2亿元。", weight: 4, milestone: false),
                ]
            ),
            WorkPointSeed(
                title: "推动惠企政策兑现和纾困帮扶",
                goal: "惠企政策“免申即享”事项占比达到40%，兑现资金平均拨付时间不超过15个工作日。",
                leadUnit: "财政金融局",
                tasks: [
                    TaskSeed(title: "梳理现行惠企政策条款和兑现条件", owner: "财政金融局", coUnits: ["企业服务中心"], deliverable: "政策条款清单", acceptance: "逐条明确适用对象、兑现标准和数据来源部门。", weight: 3, milestone: false),
                    TaskSeed(title: "确定“免申即享”政策事项清单", owner: "财政金融局", coUnits: ["行政审批服务局"], deliverable: "事项清单", acceptance: "“免申即享”事项占政策兑现事项的比例达到40%。", weight: 4, milestone: true),
                    TaskSeed(title: "上线惠企政策兑现服务平台", owner: "企业服务中心", coUnits: ["财政金融局"], deliverable: "平台上线报告", acceptance: "平台实现政策匹配推送、在线申报和兑现进度查询。", weight: 4, milestone: false),
                    TaskSeed(title: "落实国有载体中小微企业房租减免", owner: "产业园区发展有限公司", coUnits: ["财政金融局"], deliverable: "减免台账", acceptance: "国有载体内符合条件的小微企业房租减免全部落实到户。", weight: 3, milestone: false),
                    TaskSeed(title: "开展困难企业“一对一”纾困帮扶", owner: "企业服务中心", coUnits: ["财政金融局"], deliverable: "帮扶台账", acceptance: "困难企业逐户制定帮扶措施，措施落实率达到100%。", weight: 3, milestone: false),
                    TaskSeed(title: "开展惠企政策兑现情况专项督查", owner: "督查考核办公室", coUnits: ["财政金融局"], deliverable: "督查报告", acceptance: "兑现超时问题全部整改到位，督查结果纳入部门考核。", weight: 3, milestone: false),
                ]
            ),
            WorkPointSeed(
                title: "防范化解企业金融风险",
                goal: "重点企业资金链风险早发现、早处置，全年不发生区域性金融风险事件。",
                leadUnit: "财政金融局",
                tasks: [
                    TaskSeed(title: "建立重点企业资金链风险监测预警名单", owner: "财政金融局", coUnits: [], deliverable: "监测名单", acceptance: "名单按月更新，风险等级分红、黄、蓝三级管理。", weight: 3, milestone: false),
                    TaskSeed(title: "开展防范非法集资风险排查和宣传月活动", owner: "财政金融局", coUnits: ["市场监督管理分局", "汇智街道办事处"], deliverable: "排查台账", acceptance: "排查覆盖全部类金融机构和重点企业，发现线索全部移交处置。", weight: 3, milestone: false),
                    TaskSeed(title: "对高风险企业组建帮扶专班开展风险处置", owner: "财政金融局", coUnits: ["企业服务中心"], deliverable: "处置方案", acceptance: "高风险企业逐户制定化解方案，明确牵头领导和处置时限。", weight: 4, milestone: false),
                    TaskSeed(title: "召开金融风险防范化解联席会议", owner: "财政金融局", coUnits: [], deliverable: "会议纪要", acceptance: "每季度召开一次，议定事项按期落实。", weight: 2, milestone: false),
                    TaskSeed(title: "完成年度金融风险防控工作总结评估", owner: "财政金融局", coUnits: [], deliverable: "评估报告", acceptance: "全年未发生区域性金融风险事件，评估报告报党工委审阅。", weight: 3, milestone: true),
                ]
            ),
        ]
    )

    // MARK: 八、安全生产护航计划

    private static let plan08 = PlanSeed(
        name: "安全生产护航计划",
        goal: "落实“党政同责、一岗双责”，重大事故隐患整改率100%，生产安全事故起数和死亡人数“双下降”，坚决遏制较大以上生产安全事故。",
        leader: "周振华",
        leadUnit: "应急管理局",
        coUnits: ["市场监督管理分局", "消防救援大队", "规划建设局"],
        workPoints: [
            WorkPointSeed(
                title: "压实安全生产责任体系",
                goal: "安全生产责任书签订全覆盖，企业安全生产主体责任落实率达到100%。",
                leadUnit: "应急管理局",
                tasks: [
                    TaskSeed(title: "制定年度安全生产工作要点和部门责任清单", owner: "应急管理局", coUnits: [], deliverable: "工作要点及责任清单", acceptance: "各部门、街道安全生产职责逐项明确，经安委会审议印发。", weight: 3, milestone: false),
                    TaskSeed(title: "召开全区安全生产工作会议并签订目标责任书", owner: "应急管理局", coUnits: ["党政办公室"], deliverable: "目标责任书", acceptance: "各部门、街道和重点企业责任书签订率达到100%。", weight: 4, milestone: true),
                    TaskSeed(title: "推动企业落实全员安全生产责任制", owner: "应急管理局", coUnits: ["兴科街道办事处", "临湾街道办事处"], deliverable: "检查记录", acceptance: "重点企业全员安全生产责任制建立率达到100%。", weight: 3, milestone: false),
                    TaskSeed(title: "开展安全生产专项巡查", owner: "督查考核办公室", coUnits: ["应急管理局"], deliverable: "巡查报告", acceptance: "对各部门和街道巡查全覆盖，巡查问题限期整改。", weight: 3, milestone: false),
                    TaskSeed(title: "召开季度安全生产形势分析会", owner: "应急管理局", coUnits: [], deliverable: "会议纪要", acceptance: "每季度召开一次，研判风险并部署下季度重点工作。", weight: 2, milestone: false),
                    TaskSeed(title: "开展安全生产年度考核", owner: "应急管理局", coUnits: ["督查考核办公室"], deliverable: "考核报告", acceptance: "考核结果按权重纳入部门和街道综合考核。", weight: 3, milestone: false),
                ]
            ),
            WorkPointSeed(
                title: "开展安全隐患排查整改",
                goal: "企业隐患排查全覆盖，一般隐患整改率98%以上，重大隐患整改率100%。",
                leadUnit: "应急管理局",
                tasks: [
                    TaskSeed(title: "印发安全生产专项整治行动方案", owner: "应急管理局", coUnits: [], deliverable: "行动方案", acceptance: "方案明确重点行业领域、整治任务和完成时限，经安委会审定印发。", weight: 4, milestone: true),
                    TaskSeed(title: "组织企业开展隐患自查自改并建立台账", owner: "应急管理局", coUnits: ["兴科街道办事处", "汇智街道办事处"], deliverable: "隐患排查台账", acceptance: "企业自查覆盖率达到100%，隐患逐条登记整改措施和责任人。", weight: 3, milestone: false),
                    TaskSeed(title: "委托第三方专业机构开展重点企业安全检查", owner: "应急管理局", coUnits: [], deliverable: "检查报告", acceptance: "第三方检查覆盖危险化学品、涉爆粉尘等重点企业100%。", weight: 3, milestone: false),
                    TaskSeed(title: "对排查隐患实行清单化整改和挂牌督办", owner: "应急管理局", coUnits: ["督查考核办公室"], deliverable: "整改清单及督办单", acceptance: "重大隐患挂牌督办率100%，逐项明确整改时限。", weight: 4, milestone: false),
                    TaskSeed(title: "开展隐患整改复核验收", owner: "应急管理局", coUnits: [], deliverable: "复核验收记录", acceptance: "已整改隐患逐项现场复核销号，重大隐患整改率达到100%。", weight: 4, milestone: true),
                    TaskSeed(title: "开展岁末年初安全生产大检查", owner: "应急管理局", coUnits: ["消防救援大队"], deliverable: "检查通报", acceptance: "检查覆盖全部重点企业和人员密集场所，检查结果全区通报。", weight: 3, milestone: false),
                ]
            ),
            WorkPointSeed(
                title: "加强重点行业领域安全监管",
                goal: "危险化学品、建筑施工、消防、特种设备、城镇燃气等重点领域安全形势持续稳定。",
                leadUnit: "应急管理局",
                tasks: [
                    TaskSeed(title: "开展危险化学品企业安全风险评估", owner: "应急管理局", coUnits: [], deliverable: "评估报告", acceptance: "危险化学品企业评估覆盖率100%，按风险等级实施分级管控。", weight: 3, milestone: false),
                    TaskSeed(title: "开展建筑施工领域安全专项整治", owner: "规划建设局", coUnits: [], deliverable: "检查通报", acceptance: "在建项目检查全覆盖，深基坑、高支模等危大工程逐项验收。", weight: 3, milestone: false),
                    TaskSeed(title: "开展消防安全专项整治", owner: "消防救援大队", coUnits: ["综合行政执法局"], deliverable: "检查通报", acceptance: "人员密集场所和厂房仓库检查全覆盖，火灾隐患全部整改。", weight: 3, milestone: false),
                    TaskSeed(title: "开展特种设备安全隐患排查", owner: "市场监督管理分局", coUnits: [], deliverable: "检查记录", acceptance: "在用特种设备定期检验率达到100%。", weight: 3, milestone: false),
                    TaskSeed(title: "开展城镇燃气安全排查整治", owner: "综合行政执法局", coUnits: ["临湾街道办事处"], deliverable: "排查台账", acceptance: "餐饮场所可燃气体报警装置安装率达到100%。", weight: 3, milestone: false),
                    TaskSeed(title: "建成危险化学品安全风险监测预警系统", owner: "应急管理局", coUnits: [], deliverable: "系统验收报告", acceptance: "重大危险源企业全部接入系统并实现实时监测预警。", weight: 4, milestone: true),
                ]
            ),
            WorkPointSeed(
                title: "提升应急救援能力",
                goal: "完善应急预案体系，开展综合应急演练，应急物资储备达到规定标准。",
                leadUnit: "应急管理局",
                tasks: [
                    TaskSeed(title: "修订高新区生产安全事故应急预案", owner: "应急管理局", coUnits: [], deliverable: "应急预案", acceptance: "预案经专家评审通过并报市应急管理局备案。", weight: 4, milestone: true),
                    TaskSeed(title: "开展企业应急预案备案检查", owner: "应急管理局", coUnits: [], deliverable: "检查记录", acceptance: "重点企业应急预案备案率达到100%。", weight: 2, milestone: false),
                    TaskSeed(title: "组织危险化学品泄漏综合应急演练", owner: "应急管理局", coUnits: ["消防救援大队", "生态环境分局"], deliverable: "演练总结评估报告", acceptance: "演练按脚本完成并形成评估报告，发现问题纳入预案修订。", weight: 3, milestone: false),
                    TaskSeed(title: "完善应急物资储备库", owner: "应急管理局", coUnits: ["财政金融局"], deliverable: "物资储备清单", acceptance: "储备物资品类和数量达到市级标准，建立动态更新台账。", weight: 2, milestone: false),
                    TaskSeed(title: "组建街道和园区专兼职应急救援队伍", owner: "应急管理局", coUnits: ["兴科街道办事处", "产业园区发展有限公司"], deliverable: "队伍名册", acceptance: "每个街道和重点园区建成一支不少于20人的应急救援队伍。", weight: 3, milestone: false),
                ]
            ),
            WorkPointSeed(
                title: "开展安全生产宣传培训",
                goal: "开展“安全生产月”活动，企业主要负责人和安全管理人员培训考核合格率100%。",
                leadUnit: "应急管理局",
                tasks: [
                    TaskSeed(title: "组织企业主要负责人和安全管理人员培训考核", owner: "应急管理局", coUnits: [], deliverable: "培训考核记录", acceptance: "重点企业主要负责人和安全管理人员培训考核合格率达到100%。", weight: 3, milestone: false),
                    TaskSeed(title: "开展“安全生产月”系列活动", owner: "应急管理局", coUnits: ["党群工作部"], deliverable: "活动总结", acceptance: "组织咨询日、警示教育和应急演练等活动不少于10场。", weight: 3, milestone: true),
                    TaskSeed(title: "开展安全生产“进企业、进社区、进学校”宣传", owner: "应急管理局", coUnits: ["社会事业局"], deliverable: "宣传活动记录", acceptance: "全年开展宣传活动不少于30场。", weight: 2, milestone: false),
                    TaskSeed(title: "开展企业一线员工安全技能培训", owner: "人力资源和社会保障局", coUnits: ["应急管理局"], deliverable: "培训记录", acceptance: "全年培训一线员工不少于5000人次。", weight: 2, milestone: false),
                    TaskSeed(title: "建立安全生产举报奖励制度并公布举报渠道", owner: "应急管理局", coUnits: [], deliverable: "制度文件", acceptance: "制度印发实施，举报电话和网络渠道向社会公布，举报件全部核查回复。", weight: 2, milestone: false),
                ]
            ),
        ]
    )

    // MARK: 九、财政税收增收计划

    private static let plan09 = PlanSeed(
        name: "财政税收增收计划",
        goal: "全年一般公共预算收入达到45亿元、增长8%，税收收入占比稳定在85%以上，月度收入均衡入库，一般性支出压减10%。",
        leader: "孙晓梅",
        leadUnit: "财政金融局",
        coUnits: ["高新区税务局", "经济发展局", "统计局"],
        workPoints: [
            WorkPointSeed(
                title: "分解年度收入任务，实行月度收入调度",
                goal: "年度收入目标分解到月、到税种，月度收入进度不低于时序进度。",
                leadUnit: "财政金融局",
                tasks: [
                    TaskSeed(title: "编制年度一般公共预算收入计划并分解到月", owner: "财政金融局", coUnits: ["高新区税务局"], deliverable: "收入计划", acceptance: "收入计划按税种、按月分解，经管委会审定印发。", weight: 4, milestone: true),
                    TaskSeed(title: "建立财政收入月度分析会制度", owner: "财政金融局", coUnits: ["高新区税务局"], deliverable: "月度收入分析报告", acceptance: "每月10日前形成上月收入分析报告并报分管领导。", weight: 3, milestone: false),
                    TaskSeed(title: "完成第一季度收入任务", owner: "财政金融局", coUnits: [], deliverable: "统计报表", acceptance: "一季度完成年度收入任务的27%以上。", weight: 4, milestone: false),
                    TaskSeed(title: "开展收入进度低于时序进度税种专项分析", owner: "高新区税务局", coUnits: [], deliverable: "专项分析报告", acceptance: "对落后税种逐项分析原因并提出增收措施。", weight: 3, milestone: false),
                    TaskSeed(title: "实现上半年收入“时间过半、任务过半”", owner: "财政金融局", coUnits: ["高新区税务局"], deliverable: "统计报表", acceptance: "上半年一般公共预算收入完成年度任务的52%以上。", weight: 5, milestone: true),
                    TaskSeed(title: "完成全年财政收入任务", owner: "财政金融局", coUnits: ["高新区税务局"], deliverable: "统计报表", acceptance: "全年一般公共预算收入达到45亿元，税收收入占比不低于85%。", weight: 5, milestone: true),
                ]
            ),
            WorkPointSeed(
                title: "强化重点税源监控和税源培育",
                goal: "重点税源企业监控户数达到200户，新增纳税过千万元企业10家。",
                leadUnit: "高新区税务局",
                tasks: [
                    TaskSeed(title: "确定年度重点税源监控企业名单", owner: "高新区税务局", coUnits: ["财政金融局"], deliverable: "监控名单", acceptance: "监控企业不少于200户，税收覆盖率达到全区税收的80%以上。", weight: 3, milestone: false),
                    TaskSeed(title: "建立重点税源企业“一户一档”", owner: "高新区税务局", coUnits: [], deliverable: "税源档案", acceptance: "监控企业全部建档，按月更新纳税和经营数据。", weight: 2, milestone: false),
                    TaskSeed(title: "开展重点税源企业季度走访", owner: "高新区税务局", coUnits: ["企业服务中心"], deliverable: "走访记录", acceptance: "每季度走访覆盖全部重点税源企业，涉税诉求全部回复。", weight: 2, milestone: false),
                    TaskSeed(title: "对新落地项目开展税源跟踪培育", owner: "财政金融局", coUnits: ["投资促进局"], deliverable: "跟踪台账", acceptance: "新落地项目投产后纳税情况按月跟踪，与签约税收承诺对比分析。", weight: 3, milestone: false),
                    TaskSeed(title: "推动区域总部和企业结算中心落户", owner: "投资促进局", coUnits: ["财政金融局"], deliverable: "落户协议", acceptance: "全年新引进区域总部或结算中心3家并完成税务登记。", weight: 4, milestone: false),
                    TaskSeed(title: "编制年度税源结构分析报告", owner: "高新区税务局", coUnits: ["统计局"], deliverable: "分析报告", acceptance: "报告分行业、分税种、分规模分析税源结构，提出培育建议。", weight: 2, milestone: false),
                ]
            ),
            WorkPointSeed(
                title: "推进综合治税和依法征管",
                goal: "建立综合治税协同机制，涉税信息共享部门达到15个，堵漏增收2亿元。",
                leadUnit: "财政金融局",
                tasks: [
                    TaskSeed(title: "印发综合治税工作实施办法", owner: "财政金融局", coUnits: ["高新区税务局"], deliverable: "实施办法", acceptance: "办法明确各部门涉税信息报送内容、频次和责任。", weight: 4, milestone: true),
                    TaskSeed(title: "建设综合治税信息共享平台", owner: "财政金融局", coUnits: ["高新区税务局"], deliverable: "平台验收报告", acceptance: "平台通过验收，接入涉税信息部门不少于15个。", weight: 4, milestone: false),
                    TaskSeed(title: "开展建筑业和房地产业税收专项清查", owner: "高新区税务局", coUnits: ["规划建设局", "自然资源分局"], deliverable: "清查报告", acceptance: "在建项目和房地产开发项目清查全覆盖，查补税款及时入库。", weight: 3, milestone: false),
                    TaskSeed(title: "开展城镇土地使用税和房产税清查", owner: "高新区税务局", coUnits: ["自然资源分局"], deliverable: "清查台账", acceptance: "逐宗比对土地和房产登记信息，应征未征税款全部追缴。", weight: 3, milestone: false),
                    TaskSeed(title: "落实组合式税费支持政策", owner: "高新区税务局", coUnits: [], deliverable: "政策落实统计表", acceptance: "留抵退税应退尽退，办理时限不超过5个工作日。", weight: 3, milestone: false),
                ]
            ),
            WorkPointSeed(
                title: "加强非税收入征管和国有资产盘活",
                goal: "非税收入应收尽收，盘活存量国有资产增加收入3亿元。",
                leadUnit: "财政金融局",
                tasks: [
                    TaskSeed(title: "梳理非税收入项目目录", owner: "财政金融局", coUnits: [], deliverable: "项目目录", acceptance: "目录逐项列明征收依据、标准和执收单位，向社会公开。", weight: 2, milestone: false),
                    TaskSeed(title: "推进国有土地出让收入足额征缴", owner: "自然资源分局", coUnits: ["财政金融局"], deliverable: "收入征缴台账", acceptance: "土地出让价款按合同约定期限足额入库。", weight: 3, milestone: false),
                    TaskSeed(title: "开展国有资产和闲置资产清查", owner: "财政金融局", coUnits: ["产业园区发展有限公司"], deliverable: "资产清查报告", acceptance: "行政事业单位和国有平台资产清查全覆盖，闲置资产逐项登记。", weight: 3, milestone: false),
                    TaskSeed(title: "通过出租、转让等方式盘活闲置国有资产", owner: "产业园区发展有限公司", coUnits: ["财政金融局"], deliverable: "盘活处置文件", acceptance: "全年盘活收入达到3亿元，处置程序合法合规。", weight: 4, milestone: true),
                    TaskSeed(title: "开展罚没收入和行政事业性收费专项检查", owner: "财政金融局", coUnits: [], deliverable: "检查报告", acceptance: "执收单位检查全覆盖，应缴未缴款项全部缴入国库。", weight: 2, milestone: false),
                ]
            ),
            WorkPointSeed(
                title: "严格预算执行和支出绩效管理",
                goal: "坚持过紧日子，一般性支出压减10%，重点项目支出绩效评价全覆盖。",
                leadUnit: "财政金融局",
                tasks: [
                    TaskSeed(title: "压减一般性支出并调整部门预算", owner: "财政金融局", coUnits: [], deliverable: "预算调整方案", acceptance: "一般性支出压减10%，调整方案经管委会审定。", weight: 3, milestone: false),
                    TaskSeed(title: "开展重点项目支出事前绩效评估", owner: "财政金融局", coUnits: [], deliverable: "绩效评估报告", acceptance: "新增500万元以上项目事前评估全覆盖。", weight: 3, milestone: false),
                    TaskSeed(title: "按月通报预算执行进度", owner: "财政金融局", coUnits: ["督查考核办公室"], deliverable: "执行进度通报", acceptance: "每月10日前通报各部门预算执行进度，执行滞后部门纳入督办。", weight: 2, milestone: false),
                    TaskSeed(title: "完成上年度项目支出绩效评价", owner: "财政金融局", coUnits: [], deliverable: "绩效评价报告", acceptance: "重点项目绩效评价全覆盖，评价结果与下年度预算安排挂钩。", weight: 3, milestone: true),
                    TaskSeed(title: "开展财政支出绩效运行监控", owner: "财政金融局", coUnits: [], deliverable: "绩效监控报告", acceptance: "对绩效目标偏离项目及时纠偏，监控报告报分管领导。", weight: 3, milestone: false),
                    TaskSeed(title: "编制下一年度财政预算草案", owner: "财政金融局", coUnits: [], deliverable: "预算草案", acceptance: "预算草案经党工委会议审议，收支平衡、重点保障十大计划资金需求。", weight: 4, milestone: false),
                ]
            ),
        ]
    )

    // MARK: 十、科学考核激励计划

    private static let plan10 = PlanSeed(
        name: "科学考核激励计划",
        goal: "建立目标、政策、标准、考核一体推进的考核体系，实行周调度、月通报、季考核，考核结果与评先树优、干部选用、绩效奖励挂钩。",
        leader: "刘海涛",
        leadUnit: "督查考核办公室",
        coUnits: ["党群工作部", "党政办公室"],
        workPoints: [
            WorkPointSeed(
                title: "制定年度综合考核方案",
                goal: "出台年度部门和街道综合考核办法，考核指标和评分规则全部量化。",
                leadUnit: "督查考核办公室",
                tasks: [
                    TaskSeed(title: "分解年度目标任务，编制全区工作矩阵", owner: "督查考核办公室", coUnits: ["党政办公室"], deliverable: "工作矩阵", acceptance: "十大计划全部分解到工作要点和任务，逐项明确牵头单位、完成时限和成果形式。", weight: 4, milestone: true),
                    TaskSeed(title: "起草年度综合考核方案和评分细则", owner: "督查考核办公室", coUnits: [], deliverable: "考核方案征求意见稿", acceptance: "考核指标全部量化，每项指标明确权重、评分规则和数据来源。", weight: 3, milestone: false),
                    TaskSeed(title: "征求意见并召开考核方案论证会", owner: "督查考核办公室", coUnits: ["党群工作部"], deliverable: "论证会纪要", acceptance: "书面征求全部被考核单位意见，论证会意见逐条处理。", weight: 2, milestone: false),
                    TaskSeed(title: "印发年度部门和街道综合考核办法", owner: "督查考核办公室", coUnits: [], deliverable: "正式文件", acceptance: "考核办法经党工委会议审定印发。", weight: 5, milestone: true),
                    TaskSeed(title: "组织各单位签订年度目标责任书", owner: "督查考核办公室", coUnits: ["党政办公室"], deliverable: "目标责任书", acceptance: "全部部门、街道和平台公司签订目标责任书。", weight: 3, milestone: false),
                    TaskSeed(title: "召开考核工作业务培训会", owner: "督查考核办公室", coUnits: [], deliverable: "培训记录", acceptance: "各单位考核联络员全部参训，掌握交账流程和佐证材料要求。", weight: 1, milestone: false),
                ]
            ),
            WorkPointSeed(
                title: "实行周调度、月通报、季考核",
                goal: "周调度议定事项办结率达到95%，月度通报按时发布，季度考核结果按时公布。",
                leadUnit: "督查考核办公室",
                tasks: [
                    TaskSeed(title: "建立任务进展周报制度", owner: "督查考核办公室", coUnits: [], deliverable: "周报报送制度", acceptance: "各单位每周五17时前报送任务进展，逾期未报纳入考核扣分。", weight: 3, milestone: false),
                    TaskSeed(title: "每周召开重点工作调度会", owner: "督查考核办公室", coUnits: ["党政办公室"], deliverable: "会议纪要", acceptance: "调度会议定事项全部分解落实，办结率达到95%。", weight: 3, milestone: false),
                    TaskSeed(title: "每月发布重点工作推进情况通报", owner: "督查考核办公室", coUnits: [], deliverable: "月度通报", acceptance: "每月5日前发布上月通报，按计划和单位列明进度、红灯事项和排名。", weight: 3, milestone: false),
                    TaskSeed(title: "完成第一季度考核并公布结果", owner: "督查考核办公室", coUnits: [], deliverable: "季度考核结果", acceptance: "季度结束后15个工作日内公布考核结果，每项得分附佐证材料。", weight: 4, milestone: false),
                    TaskSeed(title: "对考核发现问题下发督办单跟踪整改", owner: "督查考核办公室", coUnits: [], deliverable: "督办单", acceptance: "考核发现问题全部下发督办单，按期反馈率达到100%。", weight: 3, milestone: false),
                    TaskSeed(title: "完成上半年考核并召开讲评会", owner: "督查考核办公室", coUnits: ["党政办公室"], deliverable: "半年考核结果及讲评会纪要", acceptance: "公布半年考核排名，排名末位单位在讲评会上作表态发言。", weight: 4, milestone: true),
                    TaskSeed(title: "完成第三季度考核并公布结果", owner: "督查考核办公室", coUnits: [], deliverable: "季度考核结果", acceptance: "季度结束后15个工作日内公布考核结果，每项得分附佐证材料。", weight: 4, milestone: false),
                ]
            ),
            WorkPointSeed(
                title: "加强日常学习和学习台账管理",
                goal: "各单位每月集中学习不少于2次，学习台账规范完整，学习情况纳入考核。",
                leadUnit: "党群工作部",
                tasks: [
                    TaskSeed(title: "制定年度理论学习计划", owner: "党群工作部", coUnits: [], deliverable: "学习计划", acceptance: "计划明确学习专题、每月学习内容和学习形式。", weight: 3, milestone: false),
                    TaskSeed(title: "建立各单位学习台账并规范记录", owner: "党群工作部", coUnits: ["督查考核办公室"], deliverable: "学习台账", acceptance: "各单位台账统一格式，逐次记录学习时间、内容、参加人员和研讨发言。", weight: 2, milestone: false),
                    TaskSeed(title: "举办党的十九届六中全会精神专题读书班", owner: "党群工作部", coUnits: ["党政办公室"], deliverable: "读书班总结", acceptance: "科级以上干部参训率100%，每人提交学习心得。", weight: 3, milestone: true),
                    TaskSeed(title: "开展“学思践悟”专题研讨交流", owner: "党群工作部", coUnits: [], deliverable: "研讨发言材料", acceptance: "每季度组织一次专题研讨，各单位主要负责人交流发言。", weight: 2, milestone: false),
                    TaskSeed(title: "开展学习台账季度抽查", owner: "督查考核办公室", coUnits: ["党群工作部"], deliverable: "抽查通报", acceptance: "每季度抽查单位不少于10个，抽查结果计入考核。", weight: 2, milestone: false),
                    TaskSeed(title: "组织干部政策理论和业务能力测试", owner: "党群工作部", coUnits: [], deliverable: "测试成绩汇总表", acceptance: "全体在编干部参加测试，成绩纳入个人年度考核。", weight: 2, milestone: false),
                ]
            ),
            WorkPointSeed(
                title: "强化交账意识，健全督导问责机制",
                goal: "各单位按时交账率达到100%，督办问题按期整改销号率达到95%以上。",
                leadUnit: "督查考核办公室",
                tasks: [
                    TaskSeed(title: "印发工作交账制度", owner: "督查考核办公室", coUnits: [], deliverable: "制度文件", acceptance: "制度明确交账内容、时限、佐证材料和审核流程。", weight: 4, milestone: true),
                    TaskSeed(title: "上线督查考核信息化平台", owner: "督查考核办公室", coUnits: ["党政办公室"], deliverable: "平台上线报告", acceptance: "十大计划全部任务实现在线交账、在线审核、红黄绿灯预警。", weight: 4, milestone: false),
                    TaskSeed(title: "召开半年交账述职会", owner: "督查考核办公室", coUnits: ["党政办公室"], deliverable: "述职材料汇编", acceptance: "各单位主要负责人逐一述职交账，区级领导现场点评。", weight: 3, milestone: false),
                    TaskSeed(title: "对滞后事项实施提醒、督办、约谈", owner: "督查考核办公室", coUnits: [], deliverable: "督办记录", acceptance: "红灯事项全部督办，连续两次红灯的责任单位负责人被约谈。", weight: 3, milestone: false),
                    TaskSeed(title: "开展年终交账述职评议", owner: "督查考核办公室", coUnits: ["党群工作部"], deliverable: "评议结果", acceptance: "评议结果按权重计入年度综合考核。", weight: 4, milestone: false),
                ]
            ),
            WorkPointSeed(
                title: "强化考核结果运用和激励",
                goal: "考核结果与评先树优、干部选用、绩效奖励挂钩，形成比学赶超的浓厚氛围。",
                leadUnit: "督查考核办公室",
                tasks: [
                    TaskSeed(title: "制定考核结果运用办法", owner: "督查考核办公室", coUnits: ["党群工作部"], deliverable: "办法文件", acceptance: "办法明确考核等次与绩效奖励、评先树优、干部选用的挂钩规则。", weight: 3, milestone: false),
                    TaskSeed(title: "开展年度综合考核评分", owner: "督查考核办公室", coUnits: [], deliverable: "考核评分表", acceptance: "每项得分均有佐证材料支撑，评分过程可追溯。", weight: 5, milestone: true),
                    TaskSeed(title: "确定考核等次并公示", owner: "督查考核办公室", coUnits: [], deliverable: "公示文件", acceptance: "考核等次经党工委会议审定，公示5个工作日无异议。", weight: 3, milestone: false),
                    TaskSeed(title: "兑现年度绩效奖励", owner: "财政金融局", coUnits: ["督查考核办公室"], deliverable: "奖励兑现清单", acceptance: "按考核等次足额兑现，兑现标准与考核办法一致。", weight: 3, milestone: false),
                    TaskSeed(title: "向党工委报送考核结果运用和干部选用建议", owner: "党群工作部", coUnits: ["督查考核办公室"], deliverable: "建议报告", acceptance: "建议报告附考核排名和个人实绩材料。", weight: 3, milestone: false),
                    TaskSeed(title: "召开年度总结表彰大会", owner: "党政办公室", coUnits: ["督查考核办公室"], deliverable: "表彰决定", acceptance: "表彰决定经党工委会议研究印发，先进单位和个人在大会上颁奖。", weight: 4, milestone: true),
                ]
            ),
        ]
    )

    // MARK: - Self check

    /// Checks the content's internal consistency; returns the problems found (empty when all is well).
    static func selfCheck() -> [String] {
        var problems: [String] = []
        let unitNames = units.map(\.name)
        let unitSet = Set(unitNames)
        if unitSet.count != unitNames.count { problems.append("单位名称重复") }
        if !(25...30).contains(units.count) { problems.append("单位数量 \(units.count) 不在 25–30 之间") }
        if !unitSet.contains("督查考核办公室") { problems.append("缺少督查考核办公室") }
        let kinds: Set<String> = ["department", "subdistrict", "platform"]
        for u in units where !kinds.contains(u.kind) { problems.append("单位 \(u.name) 类型 \(u.kind) 无效") }
        for u in units {
            let members = people.filter { $0.unit == u.name }
            if members.count < 2 { problems.append("单位 \(u.name) 人员不足 2 人") }
        }

        let personNames = people.map(\.name)
        if Set(personNames).count != personNames.count { problems.append("人员姓名重复") }
        for p in people where !unitSet.contains(p.unit) { problems.append("人员 \(p.name) 所属单位 \(p.unit) 未定义") }
        let leaders = Set(people.filter { $0.unit == "党政办公室" && leaderTitles.contains($0.title) }.map(\.name))

        let targetKinds = ["city_top", "province_climb", "national_brand", "single_first", "national_level"]
        if targets.map(\.kind) != targetKinds { problems.append("目标定位应为五项且顺序为 \(targetKinds)") }

        let expectedPlans = ["科创生态培育计划", "重点项目突破计划", "产业转型升级计划", "骨干企业提升计划", "营商环境优化计划",
                             "深化改革品牌计划", "金融助企纾困计划", "安全生产护航计划", "财政税收增收计划", "科学考核激励计划"]
        if plans.map(\.name) != expectedPlans { problems.append("十大计划名称或顺序不符") }

        func checkUnit(_ name: String, _ context: String) {
            if !unitSet.contains(name) { problems.append("\(context) 引用的单位 \(name) 未定义") }
        }
        var taskCount = 0
        var milestoneCount = 0
        for plan in plans {
            if !leaders.contains(plan.leader) {
                problems.append("计划 \(plan.name) 的分管领导 \(plan.leader) 不是区级领导")
            }
            checkUnit(plan.leadUnit, plan.name)
            if !(1...3).contains(plan.coUnits.count) { problems.append("计划 \(plan.name) 配合单位数量 \(plan.coUnits.count)") }
            if plan.coUnits.contains(plan.leadUnit) { problems.append("计划 \(plan.name) 配合单位含牵头单位") }
            plan.coUnits.forEach { checkUnit($0, plan.name) }
            if !(3...6).contains(plan.workPoints.count) { problems.append("计划 \(plan.name) 工作要点数量 \(plan.workPoints.count)") }
            for wp in plan.workPoints {
                checkUnit(wp.leadUnit, wp.title)
                if !(5...8).contains(wp.tasks.count) { problems.append("工作要点 \(wp.title) 任务数量 \(wp.tasks.count)") }
                let titles = wp.tasks.map(\.title)
                if Set(titles).count != titles.count { problems.append("工作要点 \(wp.title) 任务标题重复") }
                for t in wp.tasks {
                    taskCount += 1
                    if t.milestone { milestoneCount += 1 }
                    checkUnit(t.owner, t.title)
                    t.coUnits.forEach { checkUnit($0, t.title) }
                    if t.coUnits.count > 2 { problems.append("任务 \(t.title) 配合单位超过 2 个") }
                    if t.coUnits.contains(t.owner) { problems.append("任务 \(t.title) 配合单位含责任单位") }
                    if Set(t.coUnits).count != t.coUnits.count { problems.append("任务 \(t.title) 配合单位重复") }
                    if !(1...5).contains(t.weight) { problems.append("任务 \(t.title) 权重 \(t.weight) 不在 1–5") }
                    if t.deliverable.isEmpty || t.acceptance.isEmpty { problems.append("任务 \(t.title) 缺少成果形式或验收标准") }
                }
            }
        }
        if !(290...320).contains(taskCount) { problems.append("任务总数 \(taskCount) 不在 290–320 之间") }
        let ratio = Double(milestoneCount) / Double(max(taskCount, 1))
        if !(0.15...0.25).contains(ratio) { problems.append("节点占比 \(milestoneCount)/\(taskCount) 偏离五分之一") }

        let deputy = people.filter { $0.unit == "党政办公室" && $0.title == "党工委副书记" }.map(\.name)
        if deputy.count != 1 {
            problems.append("党工委副书记应恰有一人")
        } else if plans.filter({ $0.leader == deputy[0] }).count < 3 {
            problems.append("党工委副书记分管计划少于 3 个")
        }

        // No placeholders.
        var allText: [String] = targets.map(\.statement)
        for plan in plans {
            allText += [plan.name, plan.goal]
            for wp in plan.workPoints {
                allText += [wp.title, wp.goal]
                for t in wp.tasks { allText += [t.title, t.deliverable, t.acceptance] }
            }
        }
        for s in allText where s.contains("XX") || s.contains("××") || s.contains("TODO") {
            problems.append("含占位符：\(s)")
        }
        return problems
    }

    /// Total number of task seeds across all plans.
    static var taskCount: Int { plans.reduce(0) { $0 + $1.workPoints.reduce(0) { $0 + $1.tasks.count } } }
    /// Number of task seeds marked as milestones (节点).
    static var milestoneCount: Int { plans.reduce(0) { $0 + $1.workPoints.reduce(0) { $0 + $1.tasks.filter(\.milestone).count } } }
}
