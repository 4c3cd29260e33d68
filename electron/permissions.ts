// The app needs no browser permission (camera, location, notifications, …): every request is
// refused, so a compromised page cannot ask the person for one either.

export function permissionGranted(_permission: string): boolean {
  return false;
}
