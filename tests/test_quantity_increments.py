"""New ones and all of them (policytext.quantity_increments), through the quantities pipeline."""
import pytest

from policytext.quantity_increments import with_increment
from policytext.quantity_pipeline import extract_quantities


def names(text):
    return [r["indicator"] for r in extract_quantities(text)]


@pytest.mark.parametrize("text, expected", [
    # the new ones are not the stock (青海 2026: 新增经营主体2.83万户 … 经营主体突破62万户)
    ("新增经营主体2.83万户，经营主体突破62万户。", ["新增经营主体", "经营主体"]),
    ("新增国家高新技术企业27家，高新技术企业数量突破400家。", ["新增国家高新技术企业", "高新技术企业"]),
    # the name after the count (安徽 2026), after the verb (陕西 2026), and 净增 as written (河南 2026)
    ("全省新增8个国家级临床重点专科。", ["新增国家级临床重点专科"]),
    ("科技成果转化企业新增1013家。", ["新增科技成果转化企业"]),
    ("耕地面积净增212万亩。", ["净增耕地面积"]),
    # the items of a list share the verb (甘肃 2026), but money is no item of a count (陕西 2026)
    ("新增高速公路2600公里、农村公路3000公里。", ["新增高速公路", "新增农村公路"]),
    ("新增工业产能项目989个、释放产值超1500亿元。", ["新增工业产能项目", "释放产值"]),
    # a total after the new ones is of all of them (甘肃 2026)
    ("新增百亿县区26个，累计达到46个。", ["新增百亿县区", "百亿县区"]),
    ("新增上市公司48家、总量达122家。", ["新增上市公司", "上市公司总量"]),
    # newly certified or cultivated ones are new ones too, named alike so that a target meets its
    # result (陕西, 安徽 2026; hostile review), as are new ones written with a second verb or a subject
    ("新认定省级企业技术中心45家。", ["新增省级企业技术中心"]),
    ("新培育科技型中小企业3000家以上。", ["新增科技型中小企业"]),
    ("新增建成5G基站2000个。", ["新增5G基站"]),
    ("新能源新增装机3000万千瓦，确保新增新能源装机3000万千瓦。", ["新增新能源装机"] * 2),
    ("高新技术企业新增320家，新增高新技术企业300家。", ["新增高新技术企业"] * 2),
    # new ones with a second verb after 新增, or written 新获批, 新引进, 增加 before the count (label audit,
    # hostile review) ...
    ("新增获评国家5A级旅游景区2家。", ["新增国家5A级旅游景区"]),
    ("新增提供学位3.5万个，新增学位3万个。", ["新增学位"] * 2),
    ("新获批13个中外合作办学机构，新引进国际创新药械100种。", ["新增中外合作办学机构", "新增国际创新药械"]),
    # set up or registered: new ones too, named as 新增 (甘肃, 陕西, 广西 2026: 新设外资企业 beside 海南's
    # 新增外资企业; 河南: 新设8所本科院校 were named as the universities there are), but not new equipment
    ("新设外资企业463家，新设立外资企业400家。", ["新增外资企业"] * 2),
    ("新设8所本科院校，全年新登记各类经营主体94.6万户。", ["新增本科院校", "新增各类经营主体"]),
    ("新设备投资增长12%。", ["新设备投资"]),
    # created, certified or signed: new ones, in a list too (广西 2026: were named as the stock there is)
    ("新创建国家级零碳园区3家、自治区级绿色工厂54家。", ["新增国家级零碳园区", "新增自治区级绿色工厂"]),
    ("新签约人工智能产业项目208个，新认证蒙字标企业30家。", ["新增人工智能产业项目", "新增蒙字标企业"]),
    # what is counted after a threshold is new too (江西 2026; the threshold takes no 新增)
    ("新增年销售收入超亿元的农业产业化龙头企业100家。", ["年销售收入", "新增农业产业化龙头企业"]),
    # ... but not an activity written before 新增, nor money 新增安排 for a transfer (third reader)
    ("勘探新增油气储量2亿吨。", ["新增油气储量"]),
    ("可可盖等11处煤矿建成试运转、新增产能3095万吨/年。", ["煤矿", "新增产能"]),
    ("省级预算新增安排对市、县财力性转移支付增长20%。", ["市县财力性转移支付"]),
    # a total after the new ones: 达到 alone too (hostile review)
    ("国家级专精特新“小巨人”企业新增12家，达到85家。", ["新增国家级专精特新小巨人企业", "国家级专精特新小巨人企业"]),
    ("新认定高新技术企业300家、总数达到2100家。", ["新增高新技术企业", "高新技术企业总数"]),
    # a list shares 新增 with more of the same, not with a rate, a change, a total or another amount
    ("新增科技型中小企业7227家、高新技术企业3200家。", ["新增科技型中小企业", "新增高新技术企业"]),
    ("新增城镇就业5.3万人、城镇登记失业率3.2%。", ["新增城镇就业", "城镇登记失业率"]),
    ("新增规上工业企业215家、规上工业增加值增长7%。", ["新增规上工业企业", "规模以上工业增加值"]),
    ("新增高标准农田50万亩、粮食总产量620亿斤。", ["高标准农田建设面积", "粮食产量"]),
    ("新增发电装机500万千瓦、总装机达到3000万千瓦。", ["新增发电装机", "总装机"]),
    # 新培育 opens a list of new ones too (河南 2026: not the stock 绿色工业园区 the five-year review counts)
    ("新培育绿色工厂200个、绿色工业园区10个。", ["新增绿色工厂", "新增绿色工业园区"]),
    # registry names stay the registry's: flows of their own
    ("城镇新增就业5万人，新增高标准农田50万亩，新增就业岗位5000个。",
     ["新增城镇就业", "高标准农田建设面积", "新增就业岗位"]),
])
def test_new_ones_are_named_apart_from_the_stock(text, expected):
    assert names(text) == expected


def test_with_increment():
    assert with_increment("全省新增", "国家级临床重点专科") == "新增国家级临床重点专科"
    assert with_increment("新增了", "上市公司") == "新增上市公司"
    assert with_increment("建成", "上市公司") == "上市公司"
    assert with_increment("新增", "新增上市公司") == "新增上市公司"      # not twice


def test_a_target_of_new_capacity_is_not_judged_against_the_stock():
    # 内蒙古 2026: 确保新增新能源装机3000万千瓦, while the review's 1.7亿千瓦 is all there is; named
    # alike, the implied growth read -82% a year
    import policytext as pt
    from policytext.targets import textstat_implied_growth

    c = pt.corpus({"r": "一、2025年工作回顾\n2025年，全区新能源装机达到1.7亿千瓦。\n"
                        "二、2026年工作安排\n2026年，确保新增新能源装机3000万千瓦。\n"})
    c["r"].meta.update(place="内蒙古自治区", year=2026)
    q = pt.quantities(c, cache=False)
    assert q["indicator"].tolist() == ["新能源装机", "新增新能源装机"]
    assert textstat_implied_growth(q, corpus=c).empty


def test_a_threshold_after_the_verb_is_no_count_of_new_ones():
    # 江西 2026: the firms are new; 超亿元 is the sales each of them has (an attribute)
    row = extract_quantities("新增年销售收入超亿元的农业产业化龙头企业100家。")[0]
    assert (row["indicator"], row["measure"]) == ("年销售收入", "attribute")
    # ... and a threshold of counties is not the place's GDP (陕西, 广西 2026); a run's length keeps
    # the name of what ran
    assert names("新增经济总量超200亿元县2个。")[0] == names("经济总量超500亿元的县域达到5个。")[0] == "经济总量"
    assert names("规模以上工业增加值增速连续30个月保持两位数增长。") == ["规模以上工业增加值"]
