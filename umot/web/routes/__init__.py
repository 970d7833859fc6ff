"""One router per page: login, queue (+ CSV), flag detail, brand overview."""
