// The field rules belong to the API contract; routes that build a one-off schema take them from here.
export { idParam, inviteTokenParam, personText } from '@co-assess/api-contract'
