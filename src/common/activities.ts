/** Sign-in at the door opens half an hour before a session starts (staff and residents alike). */
export const DOOR_OPENS_MS = 30 * 60_000;
