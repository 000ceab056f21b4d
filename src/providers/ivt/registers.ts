import { defineRegister as r } from '../define-register.js';
import type { RegisterEntry } from '../types.js';

/**
 * IVT Greenline / Rego 600-637 through a Husdata gateway (sheet C00). Stored values: temperatures
 * and percentages are already °C and % (collector divided raw/10); status, power (W), energy
 * (kWh), settings and runtimes are stored as read. Matching is by register id.
 *
 * supply/return are the internal heat-carrier pair GT8/GT9 (condenser out/in): it sees both space
 * heating and hot-water production, so the flow-factor heat estimate covers both. The radiator
 * pair is kept without a role (override it if the heat-carrier sensors are absent).
 */
export const IVT_REGISTERS: readonly RegisterEntry[] = [
  r(
    { id: '0007', name: 'outdoor_temp', type: 'temperature', unit: '°C', meaning: 'outdoor GT2' },
    { role: 'outdoor_temp' },
  ),
  r(
    {
      id: '0008',
      name: 'indoor_temp',
      type: 'temperature',
      unit: '°C',
      meaning: 'room sensor GT5 (optional)',
    },
    { role: 'indoor_temp' },
  ),
  r(
    {
      id: '0004',
      name: 'heat_carrier_forward',
      type: 'temperature',
      unit: '°C',
      meaning: 'heat carrier out GT8',
    },
    { role: 'supply_temp' },
  ),
  r(
    {
      id: '0003',
      name: 'heat_carrier_return',
      type: 'temperature',
      unit: '°C',
      meaning: 'heat carrier in GT9',
    },
    { role: 'return_temp' },
  ),
  r({ id: '0002', name: 'radiator_forward', type: 'temperature', unit: '°C', meaning: 'radiator flow' }),
  r({
    id: '0001',
    name: 'radiator_return',
    type: 'temperature',
    unit: '°C',
    meaning: 'radiator return GT1 (optional)',
  }),
  r(
    { id: '0009', name: 'hot_water_top', type: 'temperature', unit: '°C', meaning: 'hot-water tank GT3' },
    { role: 'hot_water_temp' },
  ),
  r({ id: '000A', name: 'warm_water_2_mid', type: 'temperature', unit: '°C', meaning: 'external tank GT3X' }),
  r(
    { id: '0005', name: 'brine_in_evaporator', type: 'temperature', unit: '°C', meaning: 'brine in GT10' },
    { role: 'brine_in_temp' },
  ),
  r(
    { id: '0006', name: 'brine_out_condenser', type: 'temperature', unit: '°C', meaning: 'brine out GT11' },
    { role: 'brine_out_temp' },
  ),
  r(
    { id: '000B', name: 'hot_gas_compressor', type: 'temperature', unit: '°C', meaning: 'hot gas GT6' },
    { role: 'hot_gas_temp' },
  ),
  r(
    { id: '1A01', name: 'compressor_status', type: 'status', unit: '', meaning: 'compressor 0 off, 1 on' },
    { role: 'compressor' },
  ),
  r(
    {
      id: '1A02',
      name: 'add_heat_step_1',
      type: 'status',
      unit: '',
      meaning: 'aux heater step 1 (normally 3 kW)',
    },
    { role: 'aux_heater', auxInput: 'step', auxStep: 0 },
  ),
  r(
    {
      id: '1A03',
      name: 'add_heat_step_2',
      type: 'status',
      unit: '',
      meaning: 'aux heater step 2 (normally 6 kW)',
    },
    { role: 'aux_heater', auxInput: 'step', auxStep: 1 },
  ),
  r(
    {
      id: '3104',
      name: 'additional_heat_percent',
      type: 'percentage',
      unit: '%',
      meaning: 'aux heater load, usually 9 kW at 100 %',
    },
    { role: 'aux_heater', auxInput: 'percent' },
  ),
  r(
    {
      id: '1A07',
      name: 'switch_valve_status',
      type: 'status',
      unit: '',
      meaning: 'three-way valve 0 radiator, 1 hot water',
    },
    { role: 'valve' },
  ),
  r(
    { id: '1A04', name: 'brine_pump_status', type: 'status', unit: '', meaning: 'ground (brine) pump' },
    { role: 'brine_pump' },
  ),
  r(
    { id: '1A06', name: 'radiator_pump_status', type: 'status', unit: '', meaning: 'radiator pump' },
    { role: 'heating_pump' },
  ),
  r({
    id: '1A05',
    name: 'pump_heat_circuit',
    type: 'status',
    unit: '',
    meaning: 'internal circulation pump',
  }),
  r(
    { id: '1A20', name: 'alarm_status', type: 'alarm', unit: '', meaning: 'alarm active when > 0' },
    { role: 'alarm_active' },
  ),
  r(
    {
      id: 'BA91',
      name: 'alarm_code',
      type: 'alarm',
      unit: '',
      meaning: 'LAST alarm number, kept after the alarm clears',
    },
    { role: 'alarm_code' },
  ),
  r(
    {
      id: 'CFAA',
      name: 'power_consumption',
      type: 'power',
      unit: 'W',
      meaning: 'live electrical power (common H60/H66, not in C00)',
    },
    { role: 'electrical_power' },
  ),
  r(
    {
      id: '5FAB',
      name: 'accumulated_energy',
      type: 'energy',
      unit: 'kWh',
      meaning: 'accumulated electrical energy (common H60/H66, not in C00)',
    },
    { role: 'electrical_energy' },
  ),
  r({ id: '0107', name: 'heating_target_temp', type: 'temperature', unit: '°C', meaning: 'heating target' }),
  r({
    id: '0111',
    name: 'hot_water_target_temp',
    type: 'temperature',
    unit: '°C',
    meaning: 'hot-water target',
  }),
  r({ id: '0203', name: 'room_setpoint', type: 'temperature', unit: '°C', meaning: 'room setpoint' }),
  r({ id: '0208', name: 'hot_water_stop_temp', type: 'temperature', unit: '°C', meaning: 'hot water stop' }),
  r({
    id: '020A',
    name: 'summer_mode_temp',
    type: 'temperature',
    unit: '°C',
    meaning: 'summer-mode threshold',
  }),
  r({
    id: '025A',
    name: 'heat_carrier_max_temp',
    type: 'temperature',
    unit: '°C',
    meaning: 'heat carrier maximum',
  }),
  r({ id: '2204', name: 'room_influence', type: 'setting', unit: '', meaning: 'room sensor influence' }),
  r({ id: '2205', name: 'heat_curve', type: 'setting', unit: '', meaning: 'heating curve level' }),
  r({ id: '0207', name: 'parallel_offset', type: 'setting', unit: '', meaning: 'curve parallel offset' }),
  r({
    id: '020B',
    name: 'hot_water_diff',
    type: 'setting',
    unit: '',
    meaning: 'hot-water start = stop - diff',
  }),
  r({ id: '7209', name: 'extra_hot_water', type: 'setting', unit: 'Minutes', meaning: 'extra hot water' }),
  r({ id: '1215', name: 'heater_enable', type: 'setting', unit: '', meaning: 'electric heater enable' }),
  r({
    id: '1233',
    name: 'external_block',
    type: 'setting',
    unit: '',
    meaning: 'external block (C00: write-only)',
  }),
  r({ id: '2210', name: 'holiday', type: 'setting', unit: '', meaning: 'holiday 0-30 days' }),
  r({ id: '12F2', name: 'alarm_reset', type: 'setting', unit: '', meaning: 'alarm reset' }),
  r({
    id: '6C55',
    name: 'compressor_heating_runtime',
    type: 'runtime',
    unit: 'Hours',
    meaning: 'compressor runtime, heating',
  }),
  r({
    id: '6C56',
    name: 'compressor_hot_water_runtime',
    type: 'runtime',
    unit: 'Hours',
    meaning: 'compressor runtime, hot water',
  }),
  r({
    id: '6C58',
    name: 'aux_heating_runtime',
    type: 'runtime',
    unit: 'Hours',
    meaning: 'aux heater runtime, heating',
  }),
  r({
    id: '6C59',
    name: 'aux_hot_water_runtime',
    type: 'runtime',
    unit: 'Hours',
    meaning: 'aux heater runtime, hot water',
  }),
];
