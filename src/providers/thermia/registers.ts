import { defineRegister as r } from '../define-register.js';
import type { RegisterEntry } from '../types.js';

/**
 * Thermia Diplomat through a Husdata H60/H66 gateway (C60 sheet; ids as the original collector
 * writes them). Stored values: temperatures and percentages are already °C and % (collector
 * divided raw/10); status, power (W), energy (kWh), settings and runtimes are stored as read.
 * Matching is by register id; the `name` is the collector's name tag where the reference gives
 * one, otherwise descriptive.
 */
export const THERMIA_REGISTERS: readonly RegisterEntry[] = [
  r(
    { id: '0007', name: 'outdoor_temp', type: 'temperature', unit: '°C', meaning: 'outdoor sensor' },
    { role: 'outdoor_temp' },
  ),
  r(
    {
      id: '0008',
      name: 'indoor_temp',
      type: 'temperature',
      unit: '°C',
      meaning: 'wired room sensor (optional)',
    },
    { role: 'indoor_temp' },
  ),
  r(
    { id: '0002', name: 'radiator_forward', type: 'temperature', unit: '°C', meaning: 'flow to radiators' },
    { role: 'supply_temp' },
  ),
  r(
    {
      id: '0001',
      name: 'radiator_return',
      type: 'temperature',
      unit: '°C',
      meaning: 'return from radiators',
    },
    { role: 'return_temp' },
  ),
  r(
    { id: '0009', name: 'hot_water_top', type: 'temperature', unit: '°C', meaning: 'hot-water tank top' },
    { role: 'hot_water_temp' },
  ),
  r(
    {
      id: '0005',
      name: 'brine_in_evaporator',
      type: 'temperature',
      unit: '°C',
      meaning: 'brine from ground / evaporator',
    },
    { role: 'brine_in_temp' },
  ),
  r(
    { id: '0006', name: 'brine_out_condenser', type: 'temperature', unit: '°C', meaning: 'brine to ground' },
    { role: 'brine_out_temp' },
  ),
  r(
    {
      id: '0012',
      name: 'pressure_tube_temp',
      type: 'temperature',
      unit: '°C',
      meaning: 'discharge line after the compressor (hot gas)',
    },
    { role: 'hot_gas_temp' },
  ),
  r({
    id: '0013',
    name: 'cooling_temp',
    type: 'temperature',
    unit: '°C',
    meaning: 'cooling circuit (optional)',
  }),
  r(
    { id: '1A01', name: 'compressor_status', type: 'status', unit: '', meaning: 'compressor 0 off, 1 on' },
    { role: 'compressor' },
  ),
  r(
    {
      id: '3104',
      name: 'additional_heat_percent',
      type: 'percentage',
      unit: '%',
      meaning: 'aux heater load, about 9 kW at 100 %',
    },
    { role: 'aux_heater', auxInput: 'percent' },
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
    { id: '1A04', name: 'brine_pump_status', type: 'status', unit: '', meaning: 'brine pump' },
    { role: 'brine_pump' },
  ),
  r(
    { id: '1A06', name: 'radiator_pump_status', type: 'status', unit: '', meaning: 'radiator pump' },
    { role: 'heating_pump' },
  ),
  r({
    id: '3109',
    name: 'circulation_pump_speed',
    type: 'percentage',
    unit: '%',
    meaning: 'heating circulation pump speed',
  }),
  r({ id: '3110', name: 'brine_pump_speed', type: 'percentage', unit: '%', meaning: 'brine pump speed' }),
  r(
    {
      id: 'CFAA',
      name: 'power_consumption',
      type: 'power',
      unit: 'W',
      meaning: 'live electrical power, calculated by the H66',
    },
    { role: 'electrical_power' },
  ),
  r(
    {
      id: '5FAB',
      name: 'accumulated_energy',
      type: 'energy',
      unit: 'kWh',
      meaning: 'accumulated electrical energy (H66)',
    },
    { role: 'electrical_energy' },
  ),
  r(
    { id: '8105', name: 'degree_minutes', type: 'setting', unit: 'DM', meaning: 'integral (degree minutes)' },
    { role: 'degree_minutes' },
  ),
  r(
    { id: '1A20', name: 'alarm_status', type: 'alarm', unit: '', meaning: 'alarm 0 OK, 1 alarm' },
    { role: 'alarm_active' },
  ),
  r(
    { id: '2A91', name: 'alarm_code', type: 'alarm', unit: '', meaning: 'active alarm code' },
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
  r({ id: '0107', name: 'heating_target_temp', type: 'temperature', unit: '°C', meaning: 'heating target' }),
  r({ id: '0203', name: 'room_setpoint', type: 'temperature', unit: '°C', meaning: 'room setpoint' }),
  r({
    id: '0208',
    name: 'hot_water_stop_temp',
    type: 'temperature',
    unit: '°C',
    meaning: 'hot water stop (highest)',
  }),
  r({
    id: '0212',
    name: 'hot_water_start_temp',
    type: 'temperature',
    unit: '°C',
    meaning: 'hot water start (lowest)',
  }),
  r({ id: '0211', name: 'heating_stop_temp', type: 'temperature', unit: '°C', meaning: 'heating stop' }),
  r({ id: '0214', name: 'cooling_setpoint', type: 'temperature', unit: '°C', meaning: 'cooling setpoint' }),
  r({
    id: '0217',
    name: 'outdoor_offset',
    type: 'temperature',
    unit: '°C',
    meaning: 'outdoor sensor offset',
  }),
  r({ id: '2204', name: 'room_influence', type: 'setting', unit: '', meaning: 'room sensor influence' }),
  r({ id: '0205', name: 'heat_curve_left', type: 'setting', unit: '', meaning: 'heating curve L' }),
  r({ id: '0206', name: 'heat_curve_right', type: 'setting', unit: '', meaning: 'heating curve R (max)' }),
  r({
    id: '0233',
    name: 'evu_reduction',
    type: 'setting',
    unit: '',
    meaning: 'EVU (utility block) reduction',
  }),
  r({
    id: '6C60',
    name: 'compressor_runtime',
    type: 'runtime',
    unit: 'Hours',
    meaning: 'compressor total runtime',
  }),
  r({
    id: '6C63',
    name: 'aux_3kw_runtime',
    type: 'runtime',
    unit: 'Hours',
    meaning: 'aux heater 3 kW runtime',
  }),
  r({ id: '6C64', name: 'hot_water_runtime', type: 'runtime', unit: 'Hours', meaning: 'hot-water runtime' }),
  r({
    id: '6C66',
    name: 'aux_6kw_runtime',
    type: 'runtime',
    unit: 'Hours',
    meaning: 'aux heater 6 kW runtime',
  }),
];
