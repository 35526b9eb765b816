/**
 * Calendar formatting of virtual time for `date` and `ls -l`, in UTC (containers run with TZ
 * unset). Virtual time 0 is the scenario's start; tools add the epoch they are given.
 */

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const two = (n: number) => String(n).padStart(2, "0");

/** `date`'s default output: `Wed Jan  1 00:00:05 UTC 2025`. */
export function formatDate(epochMs: number): string {
  return strftime("%a %b %e %H:%M:%S UTC %Y", epochMs);
}

/** `ls -l`'s time column: `Jan  1 00:00`. */
export function formatLsTime(epochMs: number): string {
  return strftime("%b %e %H:%M", epochMs);
}

/** A UTC calendar breakdown (what `gmtime` gives), computed without the `Date` global. */
interface CivilTime {
  year: number;
  /** 0–11. */
  month: number;
  day: number;
  hours: number;
  minutes: number;
  seconds: number;
  ms: number;
  /** 0 = Sunday. */
  weekday: number;
  /** 1–366. */
  dayOfYear: number;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a civil date (H. Hinnant's `days_from_civil`). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function gmtime(epochMs: number): CivilTime {
  const days = Math.floor(epochMs / DAY_MS);
  const msOfDay = epochMs - days * DAY_MS;
  // H. Hinnant's `civil_from_days`.
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month1 = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month1 <= 2 ? 1 : 0);
  return {
    year,
    month: month1 - 1,
    day,
    hours: Math.floor(msOfDay / 3_600_000),
    minutes: Math.floor(msOfDay / 60_000) % 60,
    seconds: Math.floor(msOfDay / 1000) % 60,
    ms: msOfDay % 1000,
    weekday: (((days + 4) % 7) + 7) % 7,
    dayOfYear: days - daysFromCivil(year, 1, 1) + 1,
  };
}

/** strftime(3) for the common conversions (UTC). */
export function strftime(format: string, epochMs: number): string {
  const t = gmtime(epochMs);
  return format.replace(/%([a-zA-Z%])/g, (m, c: string) => {
    switch (c) {
      case "a":
        return DAYS[t.weekday]!;
      case "A":
        return ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][t.weekday]!;
      case "b":
      case "h":
        return MONTHS[t.month]!;
      case "d":
        return two(t.day);
      case "e":
        return String(t.day).padStart(2, " ");
      case "H":
        return two(t.hours);
      case "I":
        return two(((t.hours + 11) % 12) + 1);
      case "M":
        return two(t.minutes);
      case "S":
        return two(t.seconds);
      case "N":
        return String(t.ms * 1_000_000).padStart(9, "0");
      case "m":
        return two(t.month + 1);
      case "y":
        return two(t.year % 100);
      case "Y":
        return String(t.year);
      case "j":
        return String(t.dayOfYear).padStart(3, "0");
      case "s":
        return String(Math.floor(epochMs / 1000));
      case "T":
        return `${two(t.hours)}:${two(t.minutes)}:${two(t.seconds)}`;
      case "D":
        return `${two(t.month + 1)}/${two(t.day)}/${two(t.year % 100)}`;
      case "F":
        return `${t.year}-${two(t.month + 1)}-${two(t.day)}`;
      case "R":
        return `${two(t.hours)}:${two(t.minutes)}`;
      case "p":
        return t.hours < 12 ? "AM" : "PM";
      case "u":
        return String(t.weekday || 7);
      case "w":
        return String(t.weekday);
      case "Z":
        return "UTC";
      case "z":
        return "+0000";
      case "n":
        return "\n";
      case "t":
        return "\t";
      case "%":
        return "%";
      default:
        return m;
    }
  });
}
