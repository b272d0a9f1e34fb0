import io

import pyarrow.parquet as pq

from pipeline.explorer.export import to_csv, to_parquet
from pipeline.warehouse.trends import Result


def test_csv_writes_null_as_empty_and_lists_joined():
    result = Result("t", ["pair", "names", "index"], [("CN-RU", ["Russia", "China"], None)])
    assert to_csv(result).decode() == "pair,names,index\nCN-RU,Russia; China,\n"


def test_parquet_keeps_types_and_lists():
    result = Result("t", ["pair", "names", "n"], [("CN-RU", ["Russia", "China"], 3)])
    table = pq.read_table(io.BytesIO(to_parquet(result)))
    assert table.to_pylist() == [{"pair": "CN-RU", "names": ["Russia", "China"], "n": 3}]
