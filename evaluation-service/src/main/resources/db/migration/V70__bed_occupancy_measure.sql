-- Bed occupancy: a balancing measure the programme watches without a better direction. Wards
-- that cut restrictive interventions or length of stay change how full they run; a ward running
-- nearly full has no slack for a crisis admission and one running much emptier than usual is
-- turning patients away or has closed beds, so a shift either way is a signal to look into, not
-- an improvement or a concern in itself (Making Data Count's "neither" icons). Without a
-- direction it has no target: assurance against a target needs a better side.
INSERT INTO measure (code, name, description, type, unit, improvement, stratification,
                     numerator, denominator) VALUES
('BED_OCCUPANCY',
 'Bed occupancy',
 'Balancing measure: the share of the ward''s available bed days that were occupied in the '
 || 'month. Neither higher nor lower is better: a ward running close to full has no room for '
 || 'an urgent admission, and one running emptier than usual may be turning patients away.',
 'BALANCING', 'PERCENTAGE', 'NEITHER', 'NONE',
 'Occupied bed days in the month',
 'Available bed days in the month (beds open times days in the month)');
