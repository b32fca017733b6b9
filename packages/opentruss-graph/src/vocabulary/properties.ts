import type { Label } from './labels';

/**
 * Property keys per label as the OpenTruss code writes them (optional ones included; properties set to None
 * are left off the node). Queries may only read these; a test checks every catalogue query against this list.
 */
export const PROPERTIES: Readonly<Record<Label, readonly string[]>> = {
  Project: ['id', 'name', 'description', 'created_at', 'updated_at'],
  Building: ['id', 'name', 'project_id', 'created_at', 'updated_at'],
  Division: ['id', 'name', 'building_id', 'description', 'created_at', 'updated_at'],
  SubDivision: ['id', 'name', 'division_id', 'description', 'created_at', 'updated_at'],
  Item: ['id', 'name', 'subdivision_id', 'description', 'created_at', 'updated_at'],
  InspectionLot: ['id', 'name', 'item_id', 'spatial_scope', 'status', 'created_at', 'updated_at'],
  Element: [
    'id',
    'speckle_id',
    'speckle_type',
    'geometry',
    'height',
    'base_offset',
    'material',
    'level_id',
    'zone_id',
    'inspection_lot_id',
    'status',
    'confidence',
    'locked',
    'created_at',
    'updated_at',
  ],
  Level: ['id', 'name', 'building_id', 'elevation', 'created_at', 'updated_at'],
  ApprovalHistory: ['id', 'lot_id', 'action', 'user_id', 'role', 'comment', 'old_status', 'new_status', 'created_at'],
  User: ['id', 'username', 'email', 'password_hash', 'role', 'name', 'created_at', 'updated_at'],
};
