/** The one clinician the demo EHR signs in as: the hooks' `userId`, and the recorder and requester of what it adds. */
export const DEMO_USER = 'Practitioner/demo-clinician';
