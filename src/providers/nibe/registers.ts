import { defineRegister as r } from '../define-register.js';
import type { RegisterEntry } from '../types.js';

/**
 * NIBE EB100 through a Husdata gateway (sheet C40). Stored values: temperatures, percentages,
 * setpoints and flow are already °C, %, °C and l/min (collector divided raw/10); status, power,
 * energy, settings and currents are stored as read. Matching is by register id, so the names
 * that the original dashboard never found (warm_water_top, hot_gas_temp, degree_minutes_*) are
 * mapped here by id.
 *
 * Unverified (reference §2.4): 5C51/5C53/5C65 energy and 4101-4103 currents are stored raw, and the
 * gateway's scale for them was never checked on real data; 9124 is taken as kW as stored.
 */
export const NIBE_REGISTERS: readonly RegisterEntry[] = [
  r(
    { id: '0007', name: 'outdoor_temp', type: 'temperature', unit: '°C', meaning: 'outdoor BT1' },
    { role: 'outdoor_temp' },
  ),
  r(
    { id: '0008', name: 'indoor_temp', type: 'temperature', unit: '°C', meaning: 'room BT50' },
    { role: 'indoor_temp' },
  ),
  r(
    { id: '0004', name: 'heat_carrier_forward', type: 'temperature', unit: '°C', meaning: 'flow BT2' },
    { role: 'supply_temp' },
  ),
  r(
    { id: '0003', name: 'heat_carrier_return', type: 'temperature', unit: '°C', meaning: 'return BT3' },
    { role: 'return_temp' },
  ),
  r({
    id: '0002',
    name: 'radiator_return',
    type: 'temperature',
    unit: '°C',
    meaning: 'radiator return BT61 (EW only)',
  }),
  r(
    { id: '0009', name: 'warm_water_top', type: 'temperature', unit: '°C', meaning: 'hot water top BT7' },
    { role: 'hot_water_temp' },
  ),
  r({ id: '000A', name: 'warm_water_mid', type: 'temperature', unit: '°C', meaning: 'hot water charge BT6' }),
  r(
    {
      id: '0005',
      name: 'brine_in_evaporator',
      type: 'temperature',
      unit: '°C',
      meaning: 'brine in BT10 (LW); BT16 on AW/EW',
    },
    { role: 'brine_in_temp' },
  ),
  r(
    {
      id: '0006',
      name: 'brine_out_condenser',
      type: 'temperature',
      unit: '°C',
      meaning: 'brine out BT11 (LW); BT12 on AW/EW',
    },
    { role: 'brine_out_temp' },
  ),
  r(
    {
      id: '000B',
      name: 'hot_gas_temp',
      type: 'temperature',
      unit: '°C',
      meaning: 'hot gas BT14 (LW) / BT18 (EW)',
    },
    { role: 'hot_gas_temp' },
  ),
  r({ id: '000C', name: 'suction_gas_temp', type: 'temperature', unit: '°C', meaning: 'suction gas BT17' }),
  r({
    id: '000D',
    name: 'liquid_flow',
    type: 'flow',
    unit: 'l/min',
    meaning: 'liquid flow (C40 types it as a temperature sensor)',
  }),
  r({ id: '000F', name: 'air_in_temp', type: 'temperature', unit: '°C', meaning: 'exhaust air in (EW)' }),
  r({ id: '0010', name: 'air_out_temp', type: 'temperature', unit: '°C', meaning: 'exhaust air out (EW)' }),
  r({ id: '0011', name: 'pool_temp', type: 'temperature', unit: '°C', meaning: 'pool' }),
  r({ id: '0020', name: 'flow_temp_2', type: 'temperature', unit: '°C', meaning: 'flow circuit 2' }),
  r({ id: '0021', name: 'indoor_temp_2', type: 'temperature', unit: '°C', meaning: 'indoor 2' }),
  r({
    id: '0022',
    name: 'heat_carrier_return_2',
    type: 'temperature',
    unit: '°C',
    meaning: 'heat-carrier return circuit 2',
  }),
  r(
    { id: '1A01', name: 'compressor_status', type: 'status', unit: '', meaning: 'compressor 0 off, 1 on' },
    { role: 'compressor' },
  ),
  r(
    {
      id: '9108',
      name: 'compressor_speed',
      type: 'percentage',
      unit: '%',
      meaning: 'inverter speed, % of maximum',
    },
    { role: 'compressor_speed' },
  ),
  r(
    {
      id: '3104',
      name: 'additional_heat_percent',
      type: 'percentage',
      unit: '%',
      meaning: 'aux heater load',
    },
    { role: 'aux_heater', auxInput: 'percent' },
  ),
  r(
    {
      id: '9124',
      name: 'additional_heat_power',
      type: 'power',
      unit: 'kW',
      meaning: 'aux heater power currently enabled',
    },
    { role: 'aux_heater', auxInput: 'kw' },
  ),
  r(
    {
      id: '1A07',
      name: 'switch_valve_status',
      type: 'status',
      unit: '',
      meaning: 'three-way valve 0 heating, 1 hot water',
    },
    { role: 'valve' },
  ),
  r(
    { id: '1A04', name: 'brine_pump_status', type: 'status', unit: '', meaning: 'brine pump (LW)' },
    { role: 'brine_pump' },
  ),
  r(
    {
      id: '1A05',
      name: 'radiator_pump_status',
      type: 'status',
      unit: '',
      meaning: 'internal circulation pump',
    },
    { role: 'heating_pump' },
  ),
  r({ id: '1A0C', name: 'heating_cable', type: 'status', unit: '', meaning: 'heating cable (AW)' }),
  r(
    { id: '5C51', name: 'energy_total', type: 'energy', unit: 'kWh', meaning: 'total supplied heat energy' },
    { role: 'heat_energy' },
  ),
  r({
    id: '5C53',
    name: 'energy_hotwater',
    type: 'energy',
    unit: 'kWh',
    meaning: 'heat supplied to hot water',
  }),
  r({
    id: '5C65',
    name: 'energy_ventilation',
    type: 'energy',
    unit: 'kWh',
    meaning: 'heat supplied to ventilation',
  }),
  r(
    {
      id: '8105',
      name: 'degree_minutes_integral',
      type: 'setting',
      unit: 'DM',
      meaning: 'degree minutes (M3.1)',
    },
    { role: 'degree_minutes' },
  ),
  r({
    id: '8255',
    name: 'degree_minutes_compressor',
    type: 'setting',
    unit: 'DM',
    meaning: 'degree-minute start setting',
  }),
  r(
    { id: '2A20', name: 'alarm_code', type: 'alarm', unit: '', meaning: 'alarm code while active, 0 = none' },
    { role: 'alarm_code' },
  ),
  r(
    {
      id: '2201',
      name: 'operating_mode',
      type: 'setting',
      unit: '',
      meaning: 'operating mode (see operatingModes)',
    },
    { role: 'operating_mode' },
  ),
  r({ id: '4101', name: 'load_l1', type: 'current', unit: 'A', meaning: 'phase current L1 at the CT' }),
  r({ id: '4102', name: 'load_l2', type: 'current', unit: 'A', meaning: 'phase current L2 at the CT' }),
  r({ id: '4103', name: 'load_l3', type: 'current', unit: 'A', meaning: 'phase current L3 at the CT' }),
  r({ id: '0107', name: 'heating_target_temp', type: 'setpoint', unit: '°C', meaning: 'heating target' }),
  r({
    id: '0106',
    name: 'room_setpoint_current',
    type: 'setpoint',
    unit: '°C',
    meaning: 'current room setpoint',
  }),
  r({ id: '0203', name: 'room_setpoint', type: 'setpoint', unit: '°C', meaning: 'room setpoint' }),
  r({
    id: '0220',
    name: 'room_setpoint_2',
    type: 'setpoint',
    unit: '°C',
    meaning: 'room setpoint circuit 2',
  }),
  r({ id: '2204', name: 'room_influence', type: 'setting', unit: '', meaning: 'room sensor influence' }),
  r({ id: '2205', name: 'heat_curve', type: 'setting', unit: '', meaning: 'heating curve circuit 1' }),
  r({ id: '2207', name: 'heat_curve_offset', type: 'setting', unit: '', meaning: 'curve offset circuit 1' }),
  r({ id: '2222', name: 'heat_curve_2', type: 'setting', unit: '', meaning: 'heating curve circuit 2' }),
  r({
    id: '2224',
    name: 'heat_curve_offset_2',
    type: 'setting',
    unit: '',
    meaning: 'curve offset circuit 2',
  }),
  r({ id: '9226', name: 'max_aux_power', type: 'setting', unit: 'kW', meaning: 'maximum aux heater power' }),
  r({
    id: '2213',
    name: 'hot_water_programme',
    type: 'setting',
    unit: '',
    meaning: '0 Eco, 1 Normal, 2 Luxury, 4 Smart',
  }),
  r({ id: '2218', name: 'pool_enable', type: 'setting', unit: '', meaning: 'pool 0/1' }),
  r({
    id: '02F1',
    name: 'room_controller_emulation',
    type: 'setting',
    unit: '',
    meaning: 'room-controller emulation',
  }),
  r({ id: '22F2', name: 'reset', type: 'setting', unit: '', meaning: 'reset (set to 1)' }),
];
