"""A Modbus TCP relay board made of Debian's python3-pymodbus: an independent peer for the bridge's j2mod master.

Serves `--coils` coils at unit `--unit` on 127.0.0.1:`--port` and prints every coil write as
`coil <0-based address> on|off`, flushed, so a test reads the writes from the peer's log in order.
"""
import argparse
import logging

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.server import StartTcpServer


class RecordingCoils(ModbusSequentialDataBlock):
    def setValues(self, address, values):
        super().setValues(address, values)
        for offset, value in enumerate(values if isinstance(values, list) else [values]):
            print(f"coil {address + offset} {'on' if value else 'off'}", flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--unit", type=int, default=1)
    parser.add_argument("--coils", type=int, default=16)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    # zero_mode: the address on the wire is the block index, as on a relay board's documentation
    unit = ModbusSlaveContext(co=RecordingCoils(0, [False] * args.coils), zero_mode=True)
    print(f"pymodbus relay board: unit {args.unit}, {args.coils} coils, port {args.port}", flush=True)
    StartTcpServer(context=ModbusServerContext(slaves={args.unit: unit}, single=False),
                   address=("127.0.0.1", args.port))


if __name__ == "__main__":
    main()
