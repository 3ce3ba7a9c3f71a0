-- A database written by pmdrill at schema version 6 (main at 1c82ed5, before
-- criteria details and evidence were packed): four answers to built-in
-- questions from tests/calib and a one-word one, on five days.  Made by
-- sqlite3 .dump; tests/scripts/store-migrate-v6.sh restores it and sets the
-- pragmas.  v6.export is what that pmdrill's `export` printed for it.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE questions (
  id TEXT PRIMARY KEY,
  category TEXT,
  prompt TEXT,
  level TEXT,
  tags TEXT,
  rubric TEXT,
  first_seen INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
) STRICT;
INSERT INTO questions VALUES('prio-limited-resources','prioritization','How would you prioritize product features with limited resources?','apm','framework, roadmap, capacity','prioritization',1772359200,1772359200,0);
INSERT INTO questions VALUES('ana-dau-30-days','analytics',replace('Our mobile app writes every user action to a table events(user_id, event_name,\nevent_time, platform). Write a SQL query that returns daily active users for each of the\nlast 30 days, and say what you would count as "active".','\n',char(10)),'apm','sql, engagement, events','analytics',1772359200,1772359200,0);
INSERT INTO questions VALUES('ana-top-customers-month','analytics',replace('You have orders(order_id, customer_id, amount, status, created_at) and\ncustomers(customer_id, name, country). Write a query that lists the top 10 customers by\nrevenue for each calendar month of 2024.','\n',char(10)),'pm','sql, revenue, ranking','analytics',1772359200,1772359200,0);
INSERT INTO questions VALUES('ana-retention-cohort','analytics',replace('A meal-kit subscription service wants a weekly retention cohort chart for the last\nsix months. Describe the data you need and the query or steps that produce the chart, and\nwhat a healthy curve would look like.','\n',char(10)),'pm','retention, cohorts, subscription','analytics',1772359200,1772359200,0);
INSERT INTO questions VALUES('ana-pricing-page-ab','analytics',replace('A B2B SaaS company redesigned its pricing page, which gets about 8,000 visitors a week\nand converts 3% of them to a free trial. Design the A/B test that decides whether the new\npage ships.','\n',char(10)),'pm','experiment, pricing, b2b','analytics',1772359200,1772359200,0);
INSERT INTO questions VALUES('ana-p-value-008','analytics',replace('A two-week experiment on the checkout page of an online furniture store shows a 2%\nrelative lift in conversion with p = 0.08. The team wants to ship. What do you do?','\n',char(10)),'pm','experiment, statistics, decision','analytics',1772359200,1772359200,0);
INSERT INTO questions VALUES('ana-srm','analytics',replace('A test that should split traffic 50/50 on a travel booking site ends with 10% more\nusers in treatment than in control. Engineering says the result is still fine to read.\nWhat do you think went wrong, and what do you do?','\n',char(10)),'senior','experiment, data-quality, srm','analytics',1772359200,1772359200,0);
INSERT INTO questions VALUES('ana-left-vs-inner-join','analytics',replace('Using users(user_id, signup_date) and orders(order_id, user_id, created_at), explain\nthe difference between a LEFT JOIN and an INNER JOIN and give a case where picking the wrong\none changes a number a PM would report.','\n',char(10)),'apm','sql, joins, conversion','analytics',1772359200,1772359200,0);
INSERT INTO questions VALUES('ana-funnel-checkout','analytics',replace('A food delivery app''s order funnel goes menu view, add to cart, checkout, payment,\norder confirmed. Describe how you would build the funnel analysis from event data and find\nthe step worth fixing first.','\n',char(10)),'pm','funnel, events, mobile','analytics',1772359200,1772359200,0);
INSERT INTO questions VALUES('ana-instrument-feature','analytics',replace('Your team is about to ship a "save for later" button in an e-commerce app. How would\nyou instrument it in a tool such as Mixpanel or Amplitude so that you can answer questions\nabout it after launch?','\n',char(10)),'apm','instrumentation, events, tracking','analytics',1772359200,1772359200,0);
INSERT INTO questions VALUES('ana-repeat-purchase-sql','analytics',replace('From orders(order_id, customer_id, created_at), write a query for the share of\ncustomers whose first order was in January 2024 who placed a second order within 30 days\nof that first one.','\n',char(10)),'pm','sql, retention, ecommerce','analytics',1772359200,1772359200,0);
INSERT INTO questions VALUES('ana-novelty-reorder','analytics',replace('A food delivery app tested a "reorder your last meal" button on the home screen for ten\ndays. Treatment shows 4% more orders per user overall, but almost all of the lift came in the\nfirst three days. How do you read this result, and what do you do?','\n',char(10)),'pm','experiment, novelty, food-delivery','analytics',1772359200,1772359200,0);
INSERT INTO questions VALUES('ana-trial-conversion-channel','analytics',replace('With signups(user_id, channel, signup_date) and subscriptions(user_id, plan, started_at),\nwrite a query for the trial-to-paid conversion rate by acquisition channel for people who\nsigned up last quarter.','\n',char(10)),'pm','sql, conversion, acquisition','analytics',1772359200,1772359200,0);
INSERT INTO questions VALUES('ana-median-session','analytics',replace('From sessions(session_id, user_id, platform, started_at, ended_at), write a query for the\nmedian session length per platform last week, and explain why you would report the median\nrather than the mean here.','\n',char(10)),'tpm','sql, engagement, statistics','analytics',1772359200,1772359200,0);
INSERT INTO questions VALUES('ana-segment-split-result','analytics',replace('An onboarding experiment in a language-learning app is flat overall, but the readout\nshows +8% day-7 retention for new users on Android and -3% for everyone else. A stakeholder\nwants to ship it for Android newcomers only. What do you do?','\n',char(10)),'senior','experiment, segments, statistics','analytics',1772359200,1772359200,0);
INSERT INTO questions VALUES('ana-mde-sample-size','analytics',replace('A signup page converts 4% of its 20,000 weekly visitors. The team wants an A/B test\nable to detect a 5% relative lift. Is that realistic, and what would you propose?','\n',char(10)),'senior','experiment, statistics, sample-size','analytics',1772359200,1772359200,0);
INSERT INTO questions VALUES('ana-pre-post-retention','analytics',replace('After a new onboarding flow went live in a budgeting app, day-7 retention rose from 22%\nto 27%, but no experiment was run. How would you tell whether the new flow caused the rise?','\n',char(10)),'apm','retention, causality, onboarding','analytics',1772359200,1772359200,0);
INSERT INTO questions VALUES('ana-power-users-sql','analytics',replace('From events(user_id, event_name, event_time), write a query that finds the users who\nwere active in every one of the last four calendar weeks, and say what you would use that\nlist for.','\n',char(10)),'pm','sql, engagement, power-users','analytics',1772359200,1772359200,0);
INSERT INTO questions VALUES('ana-source-discrepancy','analytics',replace('The Amplitude dashboard shows 12% fewer sign-ups last week than the production\ndatabase for the same period. Leadership asks which number is right. How do you reconcile\nthem?','\n',char(10)),'tpm','data-quality, tracking, reconciliation','analytics',1772359200,1772359200,0);
INSERT INTO questions VALUES('ana-interference-marketplace','analytics',replace('A ride-hailing company wants to A/B test a new driver-matching algorithm by randomizing\nriders. Why could that test mislead, and how would you design it instead?','\n',char(10)),'senior','experiment, marketplace, interference','analytics',1772359200,1772359200,0);
INSERT INTO questions VALUES('ana-upgrade-predictors','analytics',replace('In a note-taking app, which analysis would you run to find the behaviors in a user''s\nfirst 14 days that predict upgrading to the paid plan, and how would you avoid mistaking\ncorrelation for causation?','\n',char(10)),'pm','analysis, monetization, causality','analytics',1772359200,1772359200,0);
INSERT INTO questions VALUES('ana-rolling-revenue-sql','analytics',replace('From payments(payment_id, amount, paid_at), write a query for the 7-day rolling average\nof daily revenue over the last 90 days, and say what breaks if some days have no payments.','\n',char(10)),'tpm','sql, revenue, window-functions','analytics',1772359200,1772359200,0);
INSERT INTO questions VALUES('ana-explain-peeking','analytics',replace('Three days into a planned two-week test of a new homepage for an online travel agency,\nthe sales VP sees the variant winning and asks you to stop the test and ship it. How do you\nrespond, in terms the VP will accept?','\n',char(10)),'apm','experiment, communication, statistics','analytics',1772359200,1772359200,0);
INSERT INTO questions VALUES('career-why-pm-from-it','career',replace('You have spent the last several years in IT. Why do you want to move into product\nmanagement?','\n',char(10)),'apm','motivation, transition, why-pm','career',1772359200,1772359200,0);
INSERT INTO questions VALUES('career-it-background-helps','career',replace('How does your IT background make you a better product manager than a candidate without\nit?','\n',char(10)),'apm','skills, transition, strengths','career',1772359200,1772359200,0);
INSERT INTO questions VALUES('career-tell-me-about-yourself','career',replace('Tell me about yourself. Assume you are a systems administrator with six years of\nexperience interviewing for an Associate PM role.','\n',char(10)),'apm','introduction, story, apm','career',1772359200,1772359200,0);
INSERT INTO questions VALUES('career-pm-work-without-title','career',replace('What product work have you done without having the product manager title? Walk me\nthrough one example in detail.','\n',char(10)),'pm','evidence, ownership, transition','career',1772359200,1772359200,0);
INSERT INTO questions VALUES('career-hardest-part','career',replace('Coming from IT, which part of the product manager job do you expect to be hardest for\nyou, and what are you doing about it?','\n',char(10)),'apm','self-awareness, gaps, growth','reflection',1772359200,1772359200,0);
INSERT INTO questions VALUES('career-apm-or-tpm','career',replace('With your infrastructure background, why are you applying for an Associate PM role rather\nthan a Technical PM role?','\n',char(10)),'apm','apm, tpm, role-fit','career',1772359200,1772359200,0);
INSERT INTO questions VALUES('career-why-tpm-not-engineer','career',replace('You are a senior backend engineer. Why become a Technical PM rather than growing as a\nstaff engineer or moving into engineering management?','\n',char(10)),'tpm','tpm, transition, engineering','career',1772359200,1772359200,0);
INSERT INTO questions VALUES('career-preparation','career','How have you prepared for the move from IT into product management?','apm','preparation, learning, transition','reflection',1772359200,1772359200,0);
INSERT INTO questions VALUES('career-voice-of-user','career',replace('Tell me about a time, in an IT role, when you were the voice of the users in a decision\nthat was being made without them.','\n',char(10)),'apm','users, empathy, evidence','career',1772359200,1772359200,0);
INSERT INTO questions VALUES('career-escaping-it','career',replace('Some people move into product to escape on-call and tickets. Why is that not your\nreason?','\n',char(10)),'pm','motivation, transition, why-pm','career',1772359200,1772359200,0);
INSERT INTO questions VALUES('career-incident-triage-bridge','career',replace('You ran incident triage for years. How does that experience carry over to prioritizing\na product roadmap, and where does the comparison break down?','\n',char(10)),'pm','prioritization, incidents, bridge','career',1772359200,1772359200,0);
INSERT INTO questions VALUES('career-resume-qa','career',replace('Walk me through your resume in two minutes. You have been a QA engineer for five years\nand now want a product manager role.','\n',char(10)),'pm','introduction, qa, story','career',1772359200,1772359200,0);
INSERT INTO questions VALUES('career-why-this-company','career',replace('You have applied to the APM program of a consumer budgeting app. Why this company and\nthis program, and not any PM job?','\n',char(10)),'apm','motivation, company-fit, apm','career',1772359200,1772359200,0);
INSERT INTO questions VALUES('career-sql-as-pm','career',replace('Give an example of using SQL or scripting in your IT work to answer a question that a\nproduct manager would care about.','\n',char(10)),'apm','sql, data, evidence','career',1772359200,1772359200,0);
INSERT INTO questions VALUES('career-not-over-technical','career',replace('Interviewers sometimes worry that former engineers dive into solutions too early. How do\nyou keep yourself focused on the problem rather than the design of the fix?','\n',char(10)),'pm','self-awareness, engineering, problem-framing','reflection',1772359200,1772359200,0);
INSERT INTO questions VALUES('career-five-years','career',replace('You are moving from IT support into an Associate PM role. Where do you want to be in five\nyears?','\n',char(10)),'apm','ambition, growth, apm','career',1772359200,1772359200,0);
INSERT INTO questions VALUES('career-rejected-internal','career',replace('Last year you applied for an internal PM role and did not get it. What happened, and what\ndid you do next?','\n',char(10)),'pm','setback, feedback, growth','reflection',1772359200,1772359200,0);
INSERT INTO questions VALUES('career-ba-to-pm','career',replace('You have worked as a business analyst in a bank''s IT department. What is the difference\nbetween a business analyst and a product manager, and why do you want to be the second?','\n',char(10)),'pm','business-analysis, transition, accountability','career',1772359200,1772359200,0);
INSERT INTO questions VALUES('career-pay-cut','career',replace('An Associate PM role may pay less than your current senior sysadmin job. Why take that\nstep?','\n',char(10)),'apm','motivation, trade-off, apm','career',1772359200,1772359200,0);
INSERT INTO questions VALUES('career-support-to-product','career',replace('You have spent four years in customer support for a SaaS accounting tool. What did that\nteach you about building products?','\n',char(10)),'apm','support, customers, insights','career',1772359200,1772359200,0);
INSERT INTO questions VALUES('career-tpm-platform','career',replace('You are a DevOps engineer applying for a Technical PM role on a developer platform team.\nDescribe a tooling or platform change you drove, and how you treated internal developers as\nyour customers.','\n',char(10)),'tpm','tpm, platform, devops','career',1772359200,1772359200,0);
INSERT INTO questions VALUES('career-senior-it-manager','career',replace('You have managed an IT operations group of 25 people for eight years and are applying for\na senior PM role, not an entry-level one. Why should we hire you at that level without prior PM\nexperience?','\n',char(10)),'senior','senior, transition, leadership','career',1772359200,1772359200,0);
INSERT INTO questions VALUES('design-first-time-renters','design','Design a product that helps first-time renters in a large city find and secure their first apartment.','apm','housing, consumer, marketplace','design',1772359200,1772359200,0);
INSERT INTO questions VALUES('design-alarm-blind','design','Design an alarm clock for people who are blind or have low vision.','pm','accessibility, hardware, consumer','design',1772359200,1772359200,0);
INSERT INTO questions VALUES('design-medication-older','design','Build a product that helps adults over 75 who take five or more medications a day stay on their schedule.','pm','health, accessibility, older-adults','design',1772359200,1772359200,0);
INSERT INTO questions VALUES('design-remote-connected','design','Design a feature for a team chat tool that helps fully remote teams of 10 to 50 people feel more connected to each other.','pm','remote-work, collaboration, b2b','design',1772359200,1772359200,0);
INSERT INTO questions VALUES('design-grocery-checkout','design','In a grocery delivery app, 30% of users who reach the payment step abandon their cart. Redesign the checkout.','pm','e-commerce, checkout, conversion','design',1772359200,1772359200,0);
INSERT INTO questions VALUES('design-museum-visit','design','Design the experience of visiting an art museum using your phone.','apm','culture, mobile, consumer','design',1772359200,1772359200,0);
INSERT INTO questions VALUES('design-low-adoption-calendar','design','A shared family calendar launched inside a household-organizer app six months ago, and only 4% of households use it. How would you rethink it?','senior','adoption, family, consumer','design',1772359200,1772359200,0);
INSERT INTO questions VALUES('design-favorite-product','design','What is your favorite product, and how would you improve it for one specific group of its users?','apm','product-sense, improvement, open-ended','design',1772359200,1772359200,0);
INSERT INTO questions VALUES('design-kids-reading','design','Design a reading app for children aged 6 to 8 that parents are willing to pay for.','pm','education, kids, subscription','design',1772359200,1772359200,0);
INSERT INTO questions VALUES('design-fridge-food-waste','design','Design a feature for a smart fridge that helps a household throw away less food.','pm','hardware, sustainability, home','design',1772359200,1772359200,0);
INSERT INTO questions VALUES('design-ev-road-trip','design','Design a mobile app for electric-car drivers on long road trips who worry about finding a working charger.','pm','mobility, ev, mobile','design',1772359200,1772359200,0);
INSERT INTO questions VALUES('design-er-waiting','design','Design a product that improves the experience of waiting in a hospital emergency department, for patients and the people with them.','senior','health, services, empathy','design',1772359200,1772359200,0);
INSERT INTO questions VALUES('design-field-expenses','design','Design an expense-reporting experience for field sales reps who submit more than 40 receipts a month from their phones.','pm','b2b, mobile, fintech','design',1772359200,1772359200,0);
INSERT INTO questions VALUES('design-kitchen-voice','design','Design a voice assistant experience for people cooking at home whose hands are busy or messy.','pm','voice, home, consumer','design',1772359200,1772359200,0);
INSERT INTO questions VALUES('design-gym-first-month','design','A gym chain''s app loses 60% of new members before their fourth visit. Design their first month.','apm','fitness, onboarding, retention','design',1772359200,1772359200,0);
INSERT INTO questions VALUES('design-transit-disruption','design','Design how a city transit app should inform riders when a metro line is suddenly disrupted during the morning rush.','pm','transit, notifications, mobile','design',1772359200,1772359200,0);
INSERT INTO questions VALUES('design-baby-gear-trust','design','Design features that build trust between strangers on a peer-to-peer marketplace for used baby gear such as strollers and car seats.','senior','marketplace, trust, safety','design',1772359200,1772359200,0);
INSERT INTO questions VALUES('design-banking-motor','design','Redesign a mobile banking app''s money-transfer flow for users with motor impairments such as hand tremors.','senior','accessibility, fintech, mobile','design',1772359200,1772359200,0);
INSERT INTO questions VALUES('design-freelancer-invoicing','design','Design an invoicing tool for freelancers who regularly get paid late.','pm','freelancers, fintech, smb','design',1772359200,1772359200,0);
INSERT INTO questions VALUES('design-exam-notes','design','Improve a note-taking app for university students during exam season.','apm','education, students, productivity','design',1772359200,1772359200,0);
INSERT INTO questions VALUES('design-city-parking','design','Design a parking app for drivers in a dense city center where finding a spot takes 15 minutes on average.','apm','mobility, city, marketplace','design',1772359200,1772359200,0);
INSERT INTO questions VALUES('design-dev-portal','design','Design an internal developer portal that helps 300 engineers find and reuse existing services instead of rebuilding them.','tpm','internal-tools, developers, platform','design',1772359200,1772359200,0);
INSERT INTO questions VALUES('est-scooter-rides','estimation','How many e-scooter rides happen in a city of 2 million people on a typical summer weekday?','pm','mobility, fermi, city','estimation',1772359200,1772359200,0);
INSERT INTO questions VALUES('est-photo-storage','estimation','Estimate the storage needed for one year of photo uploads on a social app with 50 million daily active users.','tpm','storage, infrastructure, fermi','estimation',1772359200,1772359200,0);
INSERT INTO questions VALUES('est-pet-grooming-germany','estimation','What is the annual market size for a pet-grooming booking app in Germany?','apm','market-sizing, pets, germany','estimation',1772359200,1772359200,0);
INSERT INTO questions VALUES('est-support-tickets','estimation','How many support tickets per day should a B2B SaaS product with 1 million registered users expect?','pm','support, saas, operations','estimation',1772359200,1772359200,0);
INSERT INTO questions VALUES('est-coffee-shop','estimation','Estimate the annual revenue of a busy coffee shop next to a commuter train station.','apm','retail, revenue, fermi','estimation',1772359200,1772359200,0);
INSERT INTO questions VALUES('est-video-servers','estimation','How many servers does a video streaming service with 5 million daily viewers need?','tpm','infrastructure, video, capacity','estimation',1772359200,1772359200,0);
INSERT INTO questions VALUES('est-people-in-air','estimation','How many people are in the air over the United States right now?','pm','travel, fermi, aviation','estimation',1772359200,1772359200,0);
INSERT INTO questions VALUES('est-furniture-liquidity','estimation','How many weekly active buyers does a used-furniture marketplace need in one city so that most listings sell within two weeks?','senior','marketplace, liquidity, fermi','estimation',1772359200,1772359200,0);
INSERT INTO questions VALUES('est-ev-chargers','estimation','Estimate how many public EV charging points a country of 60 million people will need in 2030.','pm','energy, mobility, infrastructure','estimation',1772359200,1772359200,0);
INSERT INTO questions VALUES('est-uk-weddings','estimation','Estimate the annual revenue opportunity for a wedding-planning app in the UK.','apm','market-sizing, consumer, events','estimation',1772359200,1772359200,0);
INSERT INTO questions VALUES('est-london-dog-walkers','estimation','How many professional dog walkers work in London?','apm','fermi, services, london','estimation',1772359200,1772359200,0);
INSERT INTO questions VALUES('est-friday-peak-rps','estimation','Estimate the peak requests per second a food-delivery app''s backend must handle on a Friday evening in a country with 10 million app users.','tpm','capacity, backend, fermi','estimation',1772359200,1772359200,0);
INSERT INTO questions VALUES('est-dutch-bike-tyres','estimation','How many bicycle tyres are sold in the Netherlands each year?','apm','fermi, retail, netherlands','estimation',1772359200,1772359200,0);
INSERT INTO questions VALUES('est-email-volume','estimation','Estimate how many emails a large consumer email provider with 1.5 billion accounts handles per day.','pm','fermi, email, infrastructure','estimation',1772359200,1772359200,0);
INSERT INTO questions VALUES('est-city-elevators','estimation','How many elevators are there in a European city of 1 million people?','apm','fermi, buildings, city','estimation',1772359200,1772359200,0);
INSERT INTO questions VALUES('est-log-volume','estimation','Estimate the daily log volume for a system of 200 microservices handling 20,000 user requests per second at peak.','tpm','observability, infrastructure, fermi','estimation',1772359200,1772359200,0);
INSERT INTO questions VALUES('est-meditation-revenue','estimation','Estimate the annual subscription revenue of a meditation app with 20 million lifetime downloads.','pm','subscription, consumer, revenue','estimation',1772359200,1772359200,0);
INSERT INTO questions VALUES('est-saturday-pizzas','estimation','How many pizzas are delivered in a city of 3 million people on a Saturday night?','apm','fermi, food, city','estimation',1772359200,1772359200,0);
INSERT INTO questions VALUES('est-rideshare-drivers','estimation','How many ride-hailing drivers must be online in a city to keep average pickup times under 5 minutes at the Friday evening peak?','pm','marketplace, supply, fermi','estimation',1772359200,1772359200,0);
INSERT INTO questions VALUES('est-ci-migration','estimation','Estimate how long it will take a team of 6 engineers to migrate 400 internal services from one CI system to another.','tpm','migration, planning, engineering','estimation',1772359200,1772359200,0);
INSERT INTO questions VALUES('est-screen-repairs','estimation','Estimate the annual market size for smartphone screen repairs in the United States.','pm','market-sizing, hardware, repairs','estimation',1772359200,1772359200,0);
INSERT INTO questions VALUES('est-coworking-revenue','estimation','Estimate the annual revenue of a new coworking space with 200 desks in a mid-sized city.','senior','real-estate, revenue, smb','estimation',1772359200,1772359200,0);
INSERT INTO questions VALUES('exec-dau-drop-10','execution',replace('Daily active users of a photo-sharing app fell 10% week over week. Walk me through how\nyou would find out why.','\n',char(10)),'pm','root-cause, engagement, mobile','execution',1772359200,1772359200,0);
INSERT INTO questions VALUES('exec-traffic-up-signups-flat','execution',replace('Traffic to the website of a project-management SaaS tool is up 20% this month, but\nsign-ups are flat. What could explain it, and how would you find out which explanation is\nright?','\n',char(10)),'pm','root-cause, acquisition, conversion','execution',1772359200,1772359200,0);
INSERT INTO questions VALUES('exec-aov-drop-release','execution',replace('Average order value in an online grocery app dropped 8% in the week after a release that\nredesigned the cart. How do you find the cause?','\n',char(10)),'pm','root-cause, ecommerce, release','execution',1772359200,1772359200,0);
INSERT INTO questions VALUES('exec-ship-with-bug','execution',replace('Launch of a new offline mode for a note-taking app is set for Monday, with a press\nbriefing booked. QA has found a bug where sync fails for about 3% of Android users, and the\nfix needs another week. Do you ship or slip?','\n',char(10)),'pm','trade-off, launch, quality','execution',1772359200,1772359200,0);
INSERT INTO questions VALUES('exec-opposite-metrics','execution',replace('An autoplay experiment in a short-video app raised watch time per user by 6% but cut\nday-7 retention by 1.5%. The team owning watch time wants to ship. What is your call?','\n',char(10)),'senior','trade-off, experiment, engagement','execution',1772359200,1772359200,0);
INSERT INTO questions VALUES('exec-complaints-double','execution',replace('Customer complaints to a retail bank''s mobile app support team doubled this month.\nWalk me through your response.','\n',char(10)),'pm','root-cause, support, fintech','execution',1772359200,1772359200,0);
INSERT INTO questions VALUES('exec-ios-engagement','execution',replace('Weekly workouts logged in a fitness app fell 12% on iOS over two weeks, while Android\nis flat. Build your hypothesis tree.','\n',char(10)),'pm','root-cause, mobile, hypotheses','execution',1772359200,1772359200,0);
INSERT INTO questions VALUES('exec-missed-sprint','execution',replace('Your squad of six engineers missed its sprint commitment twice in a row, and a partner\nlaunch depends on the next two sprints. What do you change?','\n',char(10)),'pm','delivery, planning, team','execution',1772359200,1772359200,0);
INSERT INTO questions VALUES('exec-sso-estimate-gap','execution',replace('Sales promised an enterprise prospect single sign-on in your B2B analytics tool "within\na month". Engineering estimates three months. What do you do?','\n',char(10)),'tpm','delivery, estimates, b2b','execution',1772359200,1772359200,0);
INSERT INTO questions VALUES('exec-checkout-drop-tuesday','execution',replace('Checkout conversion on a fashion e-commerce site fell from 3.2% to 2.7% starting on\nTuesday and has stayed there. Find the cause.','\n',char(10)),'pm','root-cause, ecommerce, conversion','execution',1772359200,1772359200,0);
INSERT INTO questions VALUES('exec-migration-go-no-go','execution',replace('In two days your team is due to move 1.2 million customer accounts from an old billing\ndatabase to a new one. The final rehearsal found 0.4% of accounts with balances that do not\nmatch. Go or no-go?','\n',char(10)),'tpm','migration, go-no-go, technical','execution',1772359200,1772359200,0);
INSERT INTO questions VALUES('exec-billing-debt-vs-feature','execution',replace('On-call engineers on your team spend about 30% of their time on incidents from an old\nbilling service, and sales wants a new invoicing feature this quarter for three large\ndeals. How do you decide what the team does?','\n',char(10)),'senior','trade-off, tech-debt, b2b','execution',1772359200,1772359200,0);
INSERT INTO questions VALUES('exec-partner-api-slip','execution',replace('Six weeks before you launch hotel booking inside a travel app, the partner whose API you\ndepend on tells you their new version will be two months late. What do you do?','\n',char(10)),'pm','delivery, dependencies, partners','execution',1772359200,1772359200,0);
INSERT INTO questions VALUES('exec-saas-churn-rise','execution',replace('Monthly logo churn for a B2B invoicing tool for small businesses crept up from 2% to 3%\nover the last quarter. How do you find out why, and what do you do about it?','\n',char(10)),'pm','root-cause, churn, b2b','execution',1772359200,1772359200,0);
INSERT INTO questions VALUES('exec-rating-drop','execution',replace('A meditation app''s App Store rating fell from 4.6 to 4.1 stars in two weeks. What do you\ndo first, and what do you do next?','\n',char(10)),'apm','root-cause, mobile, reviews','execution',1772359200,1772359200,0);
INSERT INTO questions VALUES('exec-zero-results-search','execution',replace('The share of searches that return no results on a recipe website rose from 5% to 9%\nthis month. How do you investigate?','\n',char(10)),'apm','root-cause, search, content','execution',1772359200,1772359200,0);
INSERT INTO questions VALUES('exec-push-open-rate','execution',replace('The open rate of push notifications in a food delivery app fell from 8% to 5% over a\nmonth. How would you find the cause?','\n',char(10)),'apm','root-cause, notifications, mobile','execution',1772359200,1772359200,0);
INSERT INTO questions VALUES('exec-ship-before-competitor','execution',replace('A competitor will announce a shared-calendar feature next week. Yours is about 80% done:\nthe core works, but sharing permissions are rough. Ship a limited version now or wait four\nweeks for the full one?','\n',char(10)),'senior','trade-off, competition, launch','execution',1772359200,1772359200,0);
INSERT INTO questions VALUES('exec-android-crash-spike','execution',replace('After version 5.2 of your Android banking app reached 20% of users in a staged rollout,\nthe crash-free session rate dropped from 99.7% to 98.2%. What do you do in the next 24 hours?','\n',char(10)),'tpm','incident, mobile, release','execution',1772359200,1772359200,0);
INSERT INTO questions VALUES('exec-okr-off-track','execution',replace('Halfway through the quarter, your team''s key result of +15% activation in a personal\nfinance app stands at +3%. What do you do?','\n',char(10)),'senior','planning, okr, activation','execution',1772359200,1772359200,0);
INSERT INTO questions VALUES('exec-price-rise-mixed','execution',replace('A month after raising the price of a photo-editing app''s premium tier by 20%, revenue is\nup 9% but weekly active premium users are down 6%. Is this a healthy result?','\n',char(10)),'senior','trade-off, pricing, subscription','execution',1772359200,1772359200,0);
INSERT INTO questions VALUES('exec-scope-vs-date','execution',replace('Your squad has six weeks to deliver group ordering in an office-lunch app before a large\nclient rolls it out to 2,000 employees, but the full spec needs ten weeks. What do you do?','\n',char(10)),'apm','delivery, scope, b2b','execution',1772359200,1772359200,0);
INSERT INTO questions VALUES('infl-influenced-decision','influence','Share a time when you influenced a decision without authority.','apm','behavioral, stakeholders, star','influence',1772359200,1772359200,0);
INSERT INTO questions VALUES('infl-team-changed-plans','influence',replace('Tell me about a time a team that didn''t report to you changed its plans because\nof you.','\n',char(10)),'pm','behavioral, cross-team, roadmap','influence',1772359200,1772359200,0);
INSERT INTO questions VALUES('infl-customer-resisted','influence','Tell me about convincing a customer or partner to accept a change they resisted.','pm','behavioral, customers, partners','influence',1772359200,1772359200,0);
INSERT INTO questions VALUES('infl-unpopular-decision','influence','Give an example of getting buy-in for an unpopular decision.','senior','behavioral, buy-in, change','influence',1772359200,1772359200,0);
INSERT INTO questions VALUES('infl-vendor-no-leverage','influence',replace('Tell me about depending on a vendor or partner team you had no leverage over. How\ndid you get what you needed?','\n',char(10)),'tpm','behavioral, vendors, dependencies','influence',1772359200,1772359200,0);
INSERT INTO questions VALUES('infl-practice-adoption','influence',replace('Describe a time you got a design or data team to adopt a practice they pushed back\non.','\n',char(10)),'pm','behavioral, process, collaboration','influence',1772359200,1772359200,0);
INSERT INTO questions VALUES('infl-could-not-win','influence','Tell me about a time you could not win people over. What did you learn?','pm','behavioral, failure, learning','influence',1772359200,1772359200,0);
INSERT INTO questions VALUES('infl-trust-new-group','influence',replace('How have you built trust quickly with a new cross-functional group? Give a\nspecific example.','\n',char(10)),'apm','behavioral, trust, onboarding','influence',1772359200,1772359200,0);
INSERT INTO questions VALUES('infl-disagreement-data','influence','Describe a disagreement you settled with data.','pm','behavioral, data, conflict','influence',1772359200,1772359200,0);
INSERT INTO questions VALUES('infl-engineers-approach-tpm','influence',replace('Tell me about a time you persuaded engineers to change their technical approach\nwhen you were not their manager.','\n',char(10)),'tpm','behavioral, technical, engineering','influence',1772359200,1772359200,0);
INSERT INTO questions VALUES('infl-senior-leader-mind','influence',replace('Tell me about a time you changed a senior leader''s mind about something they had\nalready decided.','\n',char(10)),'senior','behavioral, executives, strategy','influence',1772359200,1772359200,0);
INSERT INTO questions VALUES('infl-business-users-it','influence',replace('Tell me about a time in an IT or support role when you got business users to adopt\na new tool or process they didn''t want.','\n',char(10)),'apm','behavioral, it-background, adoption','influence',1772359200,1772359200,0);
INSERT INTO questions VALUES('infl-security-approval','influence',replace('Tell me about getting a security or compliance team to approve something they had\ninitially blocked.','\n',char(10)),'tpm','behavioral, security, compliance','influence',1772359200,1772359200,0);
INSERT INTO questions VALUES('infl-roadmap-dependency','influence',replace('Tell me about a time your project depended on another team''s roadmap and you got\nyour work prioritized.','\n',char(10)),'pm','behavioral, dependencies, roadmap','influence',1772359200,1772359200,0);
INSERT INTO questions VALUES('infl-sales-overpromising','influence',replace('Tell me about a time you persuaded a sales team to stop promising customers a\nfeature that was not on the roadmap.','\n',char(10)),'pm','behavioral, sales, stakeholders','influence',1772359200,1772359200,0);
INSERT INTO questions VALUES('infl-pilot-support','influence','Describe a time you used a small pilot or experiment to win support for an idea.','pm','behavioral, experimentation, buy-in','influence',1772359200,1772359200,0);
INSERT INTO questions VALUES('infl-changed-own-mind','influence',replace('Tell me about a time you set out to persuade someone and ended up changing your own\nmind.','\n',char(10)),'senior','behavioral, humility, learning','influence',1772359200,1772359200,0);
INSERT INTO questions VALUES('infl-conflicting-goals','influence','Tell me about aligning two teams with conflicting goals on a shared plan.','pm','behavioral, alignment, conflict','influence',1772359200,1772359200,0);
INSERT INTO questions VALUES('infl-org-wide-change','influence',replace('Tell me about driving a change across several teams or departments where nobody\nreported to you.','\n',char(10)),'senior','behavioral, change-management, leadership','influence',1772359200,1772359200,0);
INSERT INTO questions VALUES('infl-designer-change','influence',replace('Tell me about convincing a designer to change a design you thought would hurt users,\nwithout overriding them.','\n',char(10)),'apm','behavioral, design, users','influence',1772359200,1772359200,0);
INSERT INTO questions VALUES('infl-legacy-migration','influence','Tell me about convincing users or internal teams to move off a legacy system.','tpm','behavioral, migration, technical','influence',1772359200,1772359200,0);
INSERT INTO questions VALUES('launch-competitive-market','launch','Describe how you would launch a product in a competitive market.','apm','gtm, competition, positioning','launch',1772359200,1772359200,0);
INSERT INTO questions VALUES('launch-notes-incumbents','launch',replace('Walk me through launching a new note-taking app for small teams into a market where\nNotion and Evernote already hold most of the users.','\n',char(10)),'pm','gtm, competition, saas','launch',1772359200,1772359200,0);
INSERT INTO questions VALUES('launch-hardware-accessory','launch',replace('How would you launch a $79 smart bike light that pairs with your company''s cycling\napp, which already has 2 million monthly users?','\n',char(10)),'pm','hardware, gtm, consumer','launch',1772359200,1772359200,0);
INSERT INTO questions VALUES('launch-first-90-days','launch',replace('You have just launched a budgeting feature inside a retail banking app. What would\nyou do in the first 90 days after launch?','\n',char(10)),'apm','post-launch, fintech, iteration','launch',1772359200,1772359200,0);
INSERT INTO questions VALUES('launch-big-bang-vs-gradual','launch',replace('Your team rebuilt the checkout of a large online retailer. Would you launch it to\neveryone at once or roll it out gradually, and how do you decide?','\n',char(10)),'pm','rollout, risk, e-commerce','rollout',1772359200,1772359200,0);
INSERT INTO questions VALUES('launch-ai-add-on-pricing','launch',replace('How would you price and launch an AI writing assistant add-on for an email\nmarketing tool that customers already pay $30 a month for?','\n',char(10)),'pm','pricing, ai, saas','launch',1772359200,1772359200,0);
INSERT INTO questions VALUES('launch-missed-goals','launch',replace('Tell me about a launch that missed its goals. What happened, and what did you do\nnext?','\n',char(10)),'pm','behavioral, launch, failure','launch',1772359200,1772359200,0);
INSERT INTO questions VALUES('launch-critical-bug','launch',replace('Two weeks before a launch your marketing team has already announced, QA finds a\nbug that corrupts data for about 1% of users. What do you do?','\n',char(10)),'pm','risk, quality, launch','rollout',1772359200,1772359200,0);
INSERT INTO questions VALUES('launch-paid-vs-free','launch',replace('How would you position a paid B2B screen-recording tool against a free\nalternative that most teams already use?','\n',char(10)),'pm','positioning, b2b, pricing','launch',1772359200,1772359200,0);
INSERT INTO questions VALUES('launch-ride-hailing-brazil','launch',replace('Your ride-hailing app is expanding from the US to Brazil. How would you plan the\nlaunch?','\n',char(10)),'senior','international, marketplace, expansion','launch',1772359200,1772359200,0);
INSERT INTO questions VALUES('launch-dog-walking-city','launch',replace('How would you launch a dog-walking marketplace in a new city where you have no\nwalkers and no customers yet?','\n',char(10)),'pm','marketplace, local, gtm','launch',1772359200,1772359200,0);
INSERT INTO questions VALUES('launch-deploy-pipeline-tpm','launch',replace('As a TPM, you are rolling out a new internal deployment pipeline to 40 engineering\nteams who are used to the old one. How would you plan the launch?','\n',char(10)),'tpm','technical, internal-tools, migration','rollout',1772359200,1772359200,0);
INSERT INTO questions VALUES('launch-payments-api','launch',replace('How would you launch a public payments API aimed at developers who run small\nonline shops?','\n',char(10)),'tpm','technical, api, developers','launch',1772359200,1772359200,0);
INSERT INTO questions VALUES('launch-recs-engine-flags','launch',replace('Describe how you would use feature flags and a staged rollout to launch a new\nrecommendation engine on a video app with 10 million daily viewers.','\n',char(10)),'tpm','technical, rollout, experimentation','rollout',1772359200,1772359200,0);
INSERT INTO questions VALUES('launch-photo-app-pricing','launch',replace('You are launching a photo-editing app for hobby photographers. Would you go\nfreemium, free trial or paid upfront, and why?','\n',char(10)),'apm','pricing, consumer, monetization','launch',1772359200,1772359200,0);
INSERT INTO questions VALUES('launch-compliance-module-sales','launch',replace('You are launching a compliance-reporting module for an HR software company that\nsells to large enterprises through a sales team. How do you get sales and support ready?','\n',char(10)),'senior','b2b, enablement, enterprise','launch',1772359200,1772359200,0);
INSERT INTO questions VALUES('launch-relaunch-or-kill','launch',replace('A meditation app launched a social feature six months ago and only 3% of users\nhave tried it. Leadership asks whether to relaunch it or kill it. What do you do?','\n',char(10)),'pm','adoption, post-launch, consumer','launch',1772359200,1772359200,0);
INSERT INTO questions VALUES('launch-tiering-senior','launch',replace('As a group PM, your organisation ships about 30 launches a quarter. How would you\ndecide which deserve a big marketing push and which ship quietly?','\n',char(10)),'senior','process, gtm, leadership','launch',1772359200,1772359200,0);
INSERT INTO questions VALUES('launch-ai-tutor-beachhead','launch',replace('You are launching an AI tutoring app for high-school maths. Which segment would\nyou target first, and how would you reach them?','\n',char(10)),'apm','edtech, segmentation, gtm','launch',1772359200,1772359200,0);
INSERT INTO questions VALUES('launch-waitlist-energy','launch',replace('Your startup has a waitlist of 50,000 people for a smart-home energy app. How\nwould you turn that waitlist into a successful launch?','\n',char(10)),'pm','consumer, hardware, activation','launch',1772359200,1772359200,0);
INSERT INTO questions VALUES('launch-competitor-preempt','launch',replace('A bigger competitor announces a similar product one month before your planned\nlaunch. Do you change your launch plan?','\n',char(10)),'senior','competition, strategy, timing','launch',1772359200,1772359200,0);
INSERT INTO questions VALUES('launch-game-subscription-checklist','launch',replace('What goes on your launch checklist for a new subscription tier in a mobile game,\nand who signs off?','\n',char(10)),'apm','checklist, mobile, subscription','rollout',1772359200,1772359200,0);
INSERT INTO questions VALUES('lead-conflict-engineer','leadership',replace('Tell me about a conflict you had with an engineer or a designer. What was it really\nabout, and how did it end?','\n',char(10)),'apm','conflict, engineering, design','leadership',1772359200,1772359200,0);
INSERT INTO questions VALUES('lead-failure','leadership',replace('Describe a product failure you were responsible for. What happened, and what did you do\ndifferently afterwards?','\n',char(10)),'pm','failure, ownership, learning','leadership',1772359200,1772359200,0);
INSERT INTO questions VALUES('lead-disagree-manager','leadership',replace('Tell me about a time you disagreed with your manager on a product decision. How did you\nraise it, and what happened?','\n',char(10)),'pm','conflict, manager, decision','leadership',1772359200,1772359200,0);
INSERT INTO questions VALUES('lead-difficult-feedback','leadership',replace('Describe a time you had to give difficult feedback to a peer who did not report to you.\nHow did you deliver it, and what changed?','\n',char(10)),'pm','feedback, peers, communication','leadership',1772359200,1772359200,0);
INSERT INTO questions VALUES('lead-project-cancelled','leadership',replace('Tell me about keeping a team motivated after a project they had worked on for months was\ncancelled or failed publicly.','\n',char(10)),'senior','motivation, setback, team','leadership',1772359200,1772359200,0);
INSERT INTO questions VALUES('lead-incomplete-data','leadership',replace('Tell me about an important product decision you made with incomplete data. How did you\ndecide, and how did it turn out?','\n',char(10)),'pm','ambiguity, decision, risk','leadership',1772359200,1772359200,0);
INSERT INTO questions VALUES('lead-ownership-gap','leadership',replace('Describe a problem you took ownership of even though it was outside your job\ndescription. Why did you pick it up, and what happened?','\n',char(10)),'apm','ownership, initiative','leadership',1772359200,1772359200,0);
INSERT INTO questions VALUES('lead-mediate-colleagues','leadership',replace('Tell me about a time you helped two colleagues, for example an engineering lead and a\nsales lead, resolve a conflict between them.','\n',char(10)),'senior','conflict, mediation, stakeholders','leadership',1772359200,1772359200,0);
INSERT INTO questions VALUES('lead-say-no-exec','leadership',replace('Tell me about a time you said no to a senior executive''s request. How did you do it,\nand what happened to the relationship?','\n',char(10)),'senior','stakeholders, executives, saying-no','leadership',1772359200,1772359200,0);
INSERT INTO questions VALUES('lead-underperformer','leadership',replace('A contractor or teammate who does not report to you keeps missing commitments that your\nlaunch depends on. Tell me about a time this happened and what you did.','\n',char(10)),'senior','accountability, feedback, delivery','leadership',1772359200,1772359200,0);
INSERT INTO questions VALUES('lead-ambiguous-project','leadership',replace('Tell me about leading a cross-team project where the goal and the ownership were\nunclear at the start. What did you do first?','\n',char(10)),'pm','ambiguity, cross-functional, ownership','leadership',1772359200,1772359200,0);
INSERT INTO questions VALUES('lead-received-feedback','leadership',replace('Tell me about the hardest piece of critical feedback you have received at work. How did\nyou react, and what did you change?','\n',char(10)),'apm','feedback, growth, self-awareness','leadership',1772359200,1772359200,0);
INSERT INTO questions VALUES('lead-disagree-commit','leadership',replace('Tell me about a decision you argued against but then committed to carrying out. How did\nyou handle it once the call was made?','\n',char(10)),'pm','disagreement, commitment, decision','leadership',1772359200,1772359200,0);
INSERT INTO questions VALUES('lead-incident-command','leadership',replace('Tell me about a production incident or outage where you had to coordinate people and\ncommunication. What was your role, and what did you change afterwards?','\n',char(10)),'tpm','incident, communication, technical','leadership',1772359200,1772359200,0);
INSERT INTO questions VALUES('lead-remote-trust','leadership',replace('Tell me about building trust with a team in another country or time zone that you had\nto depend on for delivery.','\n',char(10)),'pm','trust, remote, collaboration','leadership',1772359200,1772359200,0);
INSERT INTO questions VALUES('lead-mentoring','leadership',replace('Tell me about a time you mentored a more junior colleague, such as a new PM or analyst.\nWhat did you do, and how did they grow?','\n',char(10)),'senior','mentoring, coaching, growth','leadership',1772359200,1772359200,0);
INSERT INTO questions VALUES('lead-reversed-decision','leadership',replace('Tell me about a decision you made, announced and later reversed. What made you change\ncourse, and how did you handle the reversal with the team?','\n',char(10)),'senior','decision, ownership, communication','leadership',1772359200,1772359200,0);
INSERT INTO questions VALUES('lead-designer-quality-time','leadership',replace('Tell me about a time a designer wanted a more polished version than the deadline allowed.\nHow did the two of you settle it?','\n',char(10)),'apm','conflict, design, deadlines','leadership',1772359200,1772359200,0);
INSERT INTO questions VALUES('lead-user-harm-pushback','leadership',replace('Tell me about a time you pushed back on a request you believed would hurt users, such as\na dark pattern to reduce cancellations.','\n',char(10)),'senior','ethics, users, pushback','leadership',1772359200,1772359200,0);
INSERT INTO questions VALUES('lead-team-burnout','leadership',replace('Tell me about a time you noticed your team burning out during a long push. What did you\ndo, and what did it cost?','\n',char(10)),'senior','team, wellbeing, trade-off','leadership',1772359200,1772359200,0);
INSERT INTO questions VALUES('lead-joining-midflight','leadership',replace('Tell me about joining a team in the middle of a project after the previous PM had left.\nWhat did you do in your first weeks?','\n',char(10)),'pm','onboarding, team, ownership','leadership',1772359200,1772359200,0);
INSERT INTO questions VALUES('metrics-measure-success','metrics','How do you measure the success of a product?','apm','framework, north-star, fundamentals','metrics',1772359200,1772359200,0);
INSERT INTO questions VALUES('metrics-north-star-music','metrics','What would the North Star metric be for a music streaming service, and why?','pm','north-star, consumer, subscription','metrics',1772359200,1772359200,0);
INSERT INTO questions VALUES('metrics-food-delivery','metrics',replace('What should be the single most important metric for a food delivery app, and what\nwould you watch alongside it?','\n',char(10)),'pm','marketplace, north-star, delivery','metrics',1772359200,1772359200,0);
INSERT INTO questions VALUES('metrics-stories-feature','metrics',replace('Your photo-sharing app has just launched a 24-hour Stories feature. How would you\nmeasure whether it is successful?','\n',char(10)),'pm','feature, consumer, social','metrics',1772359200,1772359200,0);
INSERT INTO questions VALUES('metrics-engagement-vs-upgrades','metrics',replace('After a redesign of a freemium note-taking app, engagement went up 12% but paid\nupgrades dropped 8%. How do you read that?','\n',char(10)),'senior','trade-offs, freemium, diagnosis','metrics',1772359200,1772359200,0);
INSERT INTO questions VALUES('metrics-expense-dashboard','metrics','What would you put on a weekly dashboard for a B2B expense-management product?','pm','b2b, dashboard, saas','metrics',1772359200,1772359200,0);
INSERT INTO questions VALUES('metrics-search-ranking','metrics',replace('How would you tell whether a new search-ranking model improved results on an\nonline marketplace?','\n',char(10)),'tpm','technical, experimentation, search','metrics',1772359200,1772359200,0);
INSERT INTO questions VALUES('metrics-product-health','metrics','Pick a product you use every day. How would its PM know it is healthy?','apm','fundamentals, consumer, health','metrics',1772359200,1772359200,0);
INSERT INTO questions VALUES('metrics-notification-guardrails','metrics',replace('Your team wants to send more push notifications in a news app to lift daily\nopens. What guardrails would you set for the experiment?','\n',char(10)),'pm','experimentation, guardrails, notifications','metrics',1772359200,1772359200,0);
INSERT INTO questions VALUES('metrics-target-no-history','metrics',replace('How do you set a target for a metric that has no history, such as adoption of a\nbrand-new collaboration feature?','\n',char(10)),'pm','targets, okrs, new-feature','metrics',1772359200,1772359200,0);
INSERT INTO questions VALUES('metrics-furniture-marketplace','metrics','How would you measure the health of a peer-to-peer marketplace for used furniture?','pm','marketplace, health, liquidity','metrics',1772359200,1772359200,0);
INSERT INTO questions VALUES('metrics-onboarding-budget-app','metrics',replace('You redesigned onboarding for a budgeting app. Which metrics tell you whether it\nworked, and over what time frame?','\n',char(10)),'apm','onboarding, activation, fintech','metrics',1772359200,1772359200,0);
INSERT INTO questions VALUES('metrics-checkout-okrs','metrics','Set quarterly OKRs for the team that owns checkout on a travel booking site.','senior','okrs, checkout, travel','metrics',1772359200,1772359200,0);
INSERT INTO questions VALUES('metrics-downloads-vanity','metrics',replace('Your CEO celebrates that app downloads doubled this quarter. What questions would\nyou ask, and which metrics would you rather report?','\n',char(10)),'pm','vanity, communication, growth','metrics',1772359200,1772359200,0);
INSERT INTO questions VALUES('metrics-api-platform-tpm','metrics',replace('How would you measure the success of an internal API platform used by 30\nengineering teams?','\n',char(10)),'tpm','technical, platform, developer-experience','metrics',1772359200,1772359200,0);
INSERT INTO questions VALUES('metrics-retention-weekend-app','metrics',replace('How would you define and measure retention for a meal-planning app that most people\nuse only at weekends?','\n',char(10)),'pm','retention, cohorts, consumer','metrics',1772359200,1772359200,0);
INSERT INTO questions VALUES('metrics-ai-reply-assistant','metrics',replace('Your SaaS help desk has added an AI assistant that drafts replies for support\nagents. How do you measure its success?','\n',char(10)),'pm','ai, b2b, support','metrics',1772359200,1772359200,0);
INSERT INTO questions VALUES('metrics-streaming-churn','metrics','How would you measure and break down churn for a video streaming subscription?','pm','churn, subscription, cohorts','metrics',1772359200,1772359200,0);
INSERT INTO questions VALUES('metrics-ride-pricing-tradeoff','metrics',replace('A pricing change in a ride-hailing app increased rides by 5%, but driver earnings\nper hour fell. How do you decide whether to keep it?','\n',char(10)),'senior','marketplace, trade-offs, pricing','metrics',1772359200,1772359200,0);
INSERT INTO questions VALUES('metrics-frequently-bought','metrics',replace('How would you measure the impact of a "frequently bought together" widget on an\ne-commerce site?','\n',char(10)),'apm','e-commerce, experimentation, recommendations','metrics',1772359200,1772359200,0);
INSERT INTO questions VALUES('metrics-metric-tree-senior','metrics',replace('As head of product for a language-learning app, how would you build a metric tree\nfrom the company goal down to the metrics each team owns?','\n',char(10)),'senior','metric-tree, leadership, okrs','metrics',1772359200,1772359200,0);
INSERT INTO questions VALUES('metrics-crm-renewal-leading','metrics',replace('A B2B CRM is sold on annual contracts, so renewals happen only once a year. Which\nleading indicators would you track to predict them?','\n',char(10)),'pm','b2b, leading-indicators, retention','metrics',1772359200,1772359200,0);
INSERT INTO questions VALUES('prio-one-squad-five-requests','prioritization',replace('You have one squad of six engineers for the next quarter and five competing\nrequests: two from sales, two from support and one from engineering to replace a\nflaky payment service. How do you decide what gets built?','\n',char(10)),'pm','capacity, stakeholders, tech-debt','prioritization',1772359200,1772359200,0);
INSERT INTO questions VALUES('prio-fixed-date-mvp','prioritization',replace('Your company has committed to launching a B2B invoicing app at a trade show in\neight weeks, and the date cannot move. How do you decide what goes into the first\nrelease?','\n',char(10)),'pm','mvp, scope, deadline','prioritization',1772359200,1772359200,0);
INSERT INTO questions VALUES('prio-enterprise-ultimatum','prioritization',replace('A customer worth 15% of your annual revenue says they will not renew unless you\nbuild a custom reporting feature within two months. What do you do?','\n',char(10)),'pm','b2b, enterprise, stakeholders','prioritization',1772359200,1772359200,0);
INSERT INTO questions VALUES('prio-tech-debt','prioritization',replace('How do you balance paying down technical debt against shipping new features on a\nfive-year-old mobile banking app?','\n',char(10)),'pm','tech-debt, roadmap, engineering','prioritization',1772359200,1772359200,0);
INSERT INTO questions VALUES('prio-backlog-200','prioritization',replace('The backlog for your project-management SaaS has grown to 200 items. How do you\nturn it into a plan for next quarter?','\n',char(10)),'apm','backlog, roadmap, planning','prioritization',1772359200,1772359200,0);
INSERT INTO questions VALUES('prio-two-executives','prioritization',replace('The VP of Sales and the VP of Marketing each want their project done next, and\nyour team can only take on one this quarter. How do you settle it?','\n',char(10)),'senior','stakeholders, executives, conflict','prioritization',1772359200,1772359200,0);
INSERT INTO questions VALUES('prio-cut-scope-story','prioritization',replace('Tell me about a time you cut scope to hit a deadline. What did you cut, and how\ndid you decide?','\n',char(10)),'pm','behavioral, scope, deadline','prioritization',1772359200,1772359200,0);
INSERT INTO questions VALUES('prio-one-improvement-maps','prioritization',replace('If you could improve only one part of a navigation app like Google Maps this year,\nwhich part would you choose and why?','\n',char(10)),'pm','product-sense, consumer, maps','prioritization',1772359200,1772359200,0);
INSERT INTO questions VALUES('prio-rice-scoring','prioritization',replace('Walk me through scoring three feature ideas for a meal-kit subscription app with\nRICE: a recipe swap, a skip-a-week button and a referral program. Which one wins?','\n',char(10)),'apm','rice, framework, subscription','prioritization',1772359200,1772359200,0);
INSERT INTO questions VALUES('prio-growth-vs-retention','prioritization',replace('Your fitness app''s sign-ups are growing 20% a month, but 60% of new users stop\nusing it within 30 days. With one team, do you work on acquisition or retention first?','\n',char(10)),'pm','growth, retention, consumer','prioritization',1772359200,1772359200,0);
INSERT INTO questions VALUES('prio-platform-tpm','prioritization',replace('As a TPM, three product teams depend on your API platform and each wants a\ndifferent capability next quarter, while you also need to migrate to a new database.\nHow do you sequence the work?','\n',char(10)),'tpm','technical, platform, dependencies','prioritization',1772359200,1772359200,0);
INSERT INTO questions VALUES('prio-accessibility-compliance','prioritization',replace('A legal review says your e-commerce checkout must meet accessibility requirements\nwithin six months, and the work will take half of your team''s capacity. How do you fit\nit into the roadmap?','\n',char(10)),'pm','compliance, accessibility, roadmap','prioritization',1772359200,1772359200,0);
INSERT INTO questions VALUES('prio-say-no-sales','prioritization',replace('A top sales rep keeps escalating feature requests from prospects straight to your\nCEO. How do you run prioritization so that sales feels heard but the roadmap stays\nfocused?','\n',char(10)),'senior','stakeholders, sales, process','prioritization',1772359200,1772359200,0);
INSERT INTO questions VALUES('prio-kano-hotel','prioritization',replace('You are the PM for a hotel booking app and have ten feature ideas from a user\nsurvey. How would you decide which are basic expectations, which make users more\nsatisfied the better they get, and which would delight them?','\n',char(10)),'apm','kano, framework, travel','prioritization',1772359200,1772359200,0);
INSERT INTO questions VALUES('prio-bug-vs-feature','prioritization',replace('Your food delivery app has 40 open bugs and a planned feature that marketing has\nalready announced for next month. How do you decide what your team works on?','\n',char(10)),'apm','bugs, quality, deadline','prioritization',1772359200,1772359200,0);
INSERT INTO questions VALUES('prio-new-pm-roadmap','prioritization',replace('You have just joined as the PM of an internal HR tool and inherited a roadmap from\nyour predecessor. How do you decide what to keep, change or drop in your first month?','\n',char(10)),'apm','onboarding, roadmap, internal-tools','prioritization',1772359200,1772359200,0);
INSERT INTO questions VALUES('prio-localization','prioritization',replace('Your language-learning app is adding a new language for learners to study.\nMarketing wants Japanese, usage data shows most demand for Portuguese, and engineering\nsays Arabic (right-to-left) is the hardest to build. Which do you add first?','\n',char(10)),'pm','international, growth, consumer','prioritization',1772359200,1772359200,0);
INSERT INTO questions VALUES('prio-senior-portfolio','prioritization',replace('You lead three product teams, and next year''s engineering budget is being cut by a\nthird. How do you decide what to stop?','\n',char(10)),'senior','portfolio, strategy, leadership','prioritization',1772359200,1772359200,0);
INSERT INTO questions VALUES('prio-experiment-backlog','prioritization',replace('Your growth team can run about four A/B tests a month, and you have 25 test ideas\nfor a subscription checkout. How do you choose which to run first?','\n',char(10)),'pm','experimentation, growth, checkout','prioritization',1772359200,1772359200,0);
INSERT INTO questions VALUES('prio-incident-followups-tpm','prioritization',replace('After a major outage, the postmortem produced 18 action items, and the product\nteams want to get back to feature work. As a TPM, how do you prioritize the follow-ups?','\n',char(10)),'tpm','technical, incidents, reliability','prioritization',1772359200,1772359200,0);
INSERT INTO questions VALUES('prio-okr-conflict','prioritization',replace('Your team''s OKR this quarter is to raise weekly active users by 10%, but the\nrequest paying customers make most often is bulk export, which will not move that\nnumber. Do you build it?','\n',char(10)),'pm','okrs, b2b, trade-offs','prioritization',1772359200,1772359200,0);
INSERT INTO questions VALUES('strat-running-home-gym','strategy','A popular running app with 8 million monthly users is considering selling home-gym equipment. Should it?','pm','adjacency, hardware, fitness','strategy',1772359200,1772359200,0);
INSERT INTO questions VALUES('strat-free-competitor','strategy','A well-funded competitor has launched a free product very similar to our note-taking app, which costs $12 a month. What do we do?','senior','competition, pricing, saas','strategy',1772359200,1772359200,0);
INSERT INTO questions VALUES('strat-language-10m','strategy','How would you grow a language-learning app from 1 million to 10 million monthly active users in three years?','senior','growth, consumer, education','strategy',1772359200,1772359200,0);
INSERT INTO questions VALUES('strat-embedded-payments','strategy','Our B2B invoicing platform wants to let customers accept payments directly inside invoices. Should we build, buy or partner?','pm','fintech, build-buy-partner, b2b','strategy',1772359200,1772359200,0);
INSERT INTO questions VALUES('strat-enterprise-or-smb','strategy','Our project-management SaaS serves 20,000 small businesses with self-serve plans. Should we move upmarket to enterprise customers?','senior','saas, segments, go-upmarket','strategy',1772359200,1772359200,0);
INSERT INTO questions VALUES('strat-rideshare-risk','strategy','What is the biggest strategic risk for a ride-hailing company over the next five years, and what should it do about it?','senior','risk, mobility, marketplace','strategy',1772359200,1772359200,0);
INSERT INTO questions VALUES('strat-recipe-monetize','strategy','How would you monetize a free recipe app with 5 million monthly users without hurting their experience?','pm','monetization, consumer, food','strategy',1772359200,1772359200,0);
INSERT INTO questions VALUES('strat-regional-grocer','strategy','Where will online grocery be in five years, and how should a mid-sized regional supermarket chain with 120 stores prepare?','senior','retail, grocery, future','strategy',1772359200,1772359200,0);
INSERT INTO questions VALUES('strat-mealkit-expansion','strategy','A UK meal-kit company, profitable at home, wants to expand abroad. Should it go to Germany or the United States first?','pm','expansion, international, consumer','strategy',1772359200,1772359200,0);
INSERT INTO questions VALUES('strat-scheduling-platform','strategy','Should a popular scheduling app open a public API and an app marketplace for third-party developers?','senior','platform, ecosystem, api','strategy',1772359200,1772359200,0);
INSERT INTO questions VALUES('strat-delivery-fee-cap','strategy','A new law caps the commission food-delivery platforms may charge restaurants at 15%. Our average commission is 25%. How should we respond?','senior','regulation, marketplace, food-delivery','strategy',1772359200,1772359200,0);
INSERT INTO questions VALUES('strat-ai-design-tool','strategy','Generative AI tools can now create a decent social-media post design for free. What should a template-based design tool for small businesses do?','pm','ai, disruption, smb','strategy',1772359200,1772359200,0);
INSERT INTO questions VALUES('strat-thermostat-subscription','strategy','A smart-thermostat maker sells its device for $200 with thin margins. Should it add a paid subscription?','senior','hardware, subscription, iot','strategy',1772359200,1772359200,0);
INSERT INTO questions VALUES('strat-dog-walking-next','strategy','A dog-walking marketplace active in five cities must choose its next move: add pet sitting, add online vet consultations, or expand to ten more cities.','pm','marketplace, expansion, pets','strategy',1772359200,1772359200,0);
INSERT INTO questions VALUES('strat-salon-next-product','strategy','Salon booking software used by 15,000 salons is choosing its next product: payments, payroll, or a consumer booking app. Which should it build?','senior','vertical-saas, adjacency, smb','strategy',1772359200,1772359200,0);
INSERT INTO questions VALUES('strat-desktop-decline','strategy','Revenue from our desktop photo-editing software has fallen 10% a year for three years as people edit on their phones. What strategy do you propose?','senior','decline, turnaround, software','strategy',1772359200,1772359200,0);
INSERT INTO questions VALUES('strat-open-source-rival','strategy','An open-source alternative to our paid database-monitoring product is quickly gaining adoption among developers. What should we do?','senior','open-source, devtools, competition','strategy',1772359200,1772359200,0);
INSERT INTO questions VALUES('strat-bank-young-customers','strategy','A traditional retail bank is losing customers under 30 to mobile-only digital banks. What should it do?','pm','banking, fintech, competition','strategy',1772359200,1772359200,0);
INSERT INTO questions VALUES('strat-company-critique','strategy','Pick a company whose products you use. What is its strategy, and what one thing would you change about it?','apm','strategy, open-ended, critique','strategy',1772359200,1772359200,0);
INSERT INTO questions VALUES('strat-audiobook-bundle','strategy','A music streaming service is considering adding audiobooks to its existing $11-a-month subscription. Is it a good idea?','pm','bundling, media, subscription','strategy',1772359200,1772359200,0);
INSERT INTO questions VALUES('strat-app-store-dependency','strategy','70% of our mobile game''s new players come from one app store''s featuring and ads. How do we reduce this dependency?','senior','distribution, gaming, risk','strategy',1772359200,1772359200,0);
INSERT INTO questions VALUES('strat-data-platform-rebuild','strategy','Engineering leadership asks whether a 12-person team should spend a year rebuilding the company''s data platform or keep extending the current one. How do you frame the decision?','tpm','platform, technical-strategy, investment','strategy',1772359200,1772359200,0);
INSERT INTO questions VALUES('tech-url-enter','technical','What happens when you type a URL into a browser and press Enter? Explain it as you would to a new designer on your team.','tpm','web, fundamentals, explain','explain',1772359200,1772359200,0);
INSERT INTO questions VALUES('tech-url-shortener','technical','Design a URL shortener at a high level. Expect about 100 million new links a month and far more clicks than new links.','tpm','system-design, web, scale','technical',1772359200,1772359200,0);
INSERT INTO questions VALUES('tech-notification-service','technical','Design a notification service that sends push, email and SMS messages for an e-commerce app with 20 million users.','tpm','system-design, messaging, scale','technical',1772359200,1772359200,0);
INSERT INTO questions VALUES('tech-explain-api','technical','Explain what an API is to a non-technical executive, using an example from our travel-booking app.','apm','communication, api, explain','explain',1772359200,1772359200,0);
INSERT INTO questions VALUES('tech-search-build-buy','technical','Should we build our own search for a 2-million-product catalog or buy a hosted search vendor?','tpm','build-vs-buy, search, e-commerce','technical',1772359200,1772359200,0);
INSERT INTO questions VALUES('tech-estimate-gap','technical','Engineers estimate three months for a feature you expected to take three weeks. What do you do?','pm','estimates, collaboration, scope','technical',1772359200,1772359200,0);
INSERT INTO questions VALUES('tech-outage-role','technical','Checkout goes down on a Saturday during your biggest sale of the year. What is your role as the PM or TPM during the outage and afterwards?','tpm','incidents, operations, communication','technical',1772359200,1772359200,0);
INSERT INTO questions VALUES('tech-latency-doubled','technical','p95 page latency went from 400 ms to 800 ms right after Tuesday''s release. How do you work the problem with engineering?','tpm','performance, debugging, releases','technical',1772359200,1772359200,0);
INSERT INTO questions VALUES('tech-debt-when','technical','When should a PM prioritize paying down technical debt over new features? Give an example.','pm','tech-debt, prioritization, engineering','technical',1772359200,1772359200,0);
INSERT INTO questions VALUES('tech-monolith-split','technical','Your 40-engineer organization wants to split its monolith into microservices. As the TPM, how do you evaluate and plan this?','tpm','architecture, migration, planning','technical',1772359200,1772359200,0);
INSERT INTO questions VALUES('tech-cart-consistency','technical','For a shopping cart and for an inventory count, would you favor consistency or availability when the network partitions? Explain why for each.','tpm','distributed-systems, cap, e-commerce','technical',1772359200,1772359200,0);
INSERT INTO questions VALUES('tech-payments-slo','technical','Explain the difference between an SLI, an SLO and an SLA, and propose them for a payments API.','pm','reliability, sre, api','technical',1772359200,1772359200,0);
INSERT INTO questions VALUES('tech-zero-downtime-migration','technical','You need to move 50 million customer records from a legacy database to a new one without downtime. How would you plan it?','tpm','migration, databases, planning','technical',1772359200,1772359200,0);
INSERT INTO questions VALUES('tech-api-partner-flood','technical','A partner is suddenly sending 10 times their usual traffic to our public API, and it is slowing things down for every customer. What do you do now, and what do you change afterwards?','tpm','api, incidents, rate-limiting','technical',1772359200,1772359200,0);
INSERT INTO questions VALUES('tech-photo-exposure','technical','A security researcher reports that users'' profile photos can be viewed without logging in through guessable URLs. What do you do in the first 48 hours?','senior','security, privacy, incidents','technical',1772359200,1772359200,0);
INSERT INTO questions VALUES('tech-explain-caching','technical','A marketing manager asks why the new homepage banner took 30 minutes to appear after they published it. Explain caching to them.','apm','web, communication, explain','explain',1772359200,1772359200,0);
INSERT INTO questions VALUES('tech-breaking-api-change','technical','You must make a breaking change to a public API used by 3,000 third-party developers. How do you handle it?','tpm','api, developers, migration','technical',1772359200,1772359200,0);
INSERT INTO questions VALUES('tech-mobile-release-risk','technical','A stakeholder asks why a mobile app bug cannot be fixed as fast as a website bug. Explain, and say how you would reduce the risk of bad mobile releases.','pm','mobile, releases, risk','explain',1772359200,1772359200,0);
INSERT INTO questions VALUES('tech-live-courier-map','technical','Design the backend for showing a delivery courier''s live location on a map, for up to 200,000 active orders at the same time.','tpm','system-design, real-time, maps','technical',1772359200,1772359200,0);
INSERT INTO questions VALUES('tech-ml-ranking-launch','technical','A team wants to add machine-learning ranking to our job board''s search. What do you need to know before committing, and how would you launch it safely?','senior','machine-learning, search, launch','technical',1772359200,1772359200,0);
INSERT INTO questions VALUES('tech-deploy-cadence','technical','Your team deploys once a month and every release is a stressful scramble. How would you move to safe weekly or daily deploys?','tpm','ci-cd, delivery, process','technical',1772359200,1772359200,0);
INSERT INTO questions VALUES('tech-sms-vendor-outage','technical','Our app sends login codes through a single SMS vendor, and last week the vendor was down for 3 hours, locking users out. What would you do?','pm','reliability, vendors, authentication','technical',1772359200,1772359200,0);
CREATE TABLE attempts (
  id INTEGER PRIMARY KEY,
  question_id TEXT NOT NULL REFERENCES questions(id),
  prompt TEXT,
  started_at INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL DEFAULT -1,
  answer TEXT NOT NULL,
  answer_hash TEXT NOT NULL,
  follow_up INTEGER NOT NULL DEFAULT -1,
  parent_id INTEGER REFERENCES attempts(id),
  saved_at INTEGER NOT NULL,
  score REAL,
  words INTEGER,
  sentences INTEGER,
  limit_s INTEGER,
  wpm REAL,
  prose_share REAL,
  density REAL,
  guard REAL,
  length_factor REAL,
  notes TEXT,
  rubric TEXT,
  rubric_version TEXT,
  auto_grade INTEGER CHECK (auto_grade BETWEEN 1 AND 4),
  final_grade INTEGER CHECK (final_grade BETWEEN 1 AND 4),
  scheduled INTEGER NOT NULL DEFAULT 0 CHECK (scheduled IN (0, 1)),
  reviewed_at INTEGER,
  elapsed_days INTEGER,
  retrievability REAL,
  stability REAL,
  difficulty REAL,
  interval_days INTEGER,
  due INTEGER
, session_id INTEGER REFERENCES sessions(id)) STRICT;
INSERT INTO attempts VALUES(1,'prio-limited-resources','How would you prioritize product features with limited resources?',1772359200,-1,replace('Before ranking anything I want two things pinned down: what we''re optimizing for and how much capacity we really have. Say I''m the PM for a B2B appointment-scheduling tool, the company goal this half is reducing churn among small-business accounts, and I have one team of five engineers and a designer for the quarter. After on-call and holidays that is roughly 55 person-weeks.\n\nNext I''d collect the candidates in one list instead of five inboxes. In this example there are six: two-way sync with Outlook calendars (the top churn reason in exit surveys), a reporting dashboard that sales keeps asking for, a refresh of the mobile app, SMS reminders for end customers, a public API for partners, and a database upgrade that engineering says is overdue.\n\nI''d score them with a light RICE pass, mainly because it forces me to write down reach and effort instead of arguing by volume. Outlook sync reaches about 40% of accounts, has high impact on churn, I''m 80% confident because it comes straight from exit data, and it costs about 12 person-weeks. SMS reminders reach most accounts'' customers with medium impact for about 6 person-weeks. The dashboard matters to maybe 10% of accounts, is mostly a demo talking point, and costs 15 person-weeks. The database upgrade scores low on reach, but the API depends on it and it lowers incident risk, so I treat it as a constraint rather than a candidate.\n\nSo my order is: Outlook sync first, SMS reminders second, and the database upgrade running alongside at about 20% of capacity. That fills the quarter. The dashboard, the mobile refresh and the API are deferred. The cost is real: sales loses a demo feature for two quarters. I''d tell the sales lead directly, show the scores, and offer a clickable mock-up they can present as roadmap.\n\nTo check the bet I''d set the target up front: monthly cancellations among accounts using Outlook fall from 4% to 3% within eight weeks of release. I''d revisit the ranking at the mid-quarter review with whatever new data we have.\n\nIn short: goal and capacity first, a scored shortlist, an explicit "not now" list, and one metric that tells me whether I was right.\n','\n',char(10)),'cd29503807c5e76c',-1,NULL,1772359200,94.299999999999997157,368,18,600,0.0,0.98913043478260864738,5.163043478260869179,1.0,1.0,'[]','prioritization','9889ba757218e186',4,4,1,1772359200,NULL,NULL,8.2956000000000003069,1.0,8,1773050400,NULL);
INSERT INTO attempts VALUES(2,'prio-limited-resources','How would you prioritize product features with limited resources?',1772445600,-1,replace('I would look at what customers want most and build the most important features first. Talking to customers is key, so I''d run some surveys and see which requests come up most often. Then I''d work with engineering to get those done as fast as possible. If something is too hard we can do it later. It''s also important to keep stakeholders happy, so I''d make sure everyone''s ideas are heard.\n','\n',char(10)),'cdcb06fa29c71db4',-1,NULL,1772445600,7.0,71,5,600,0.0,1.0,4.2253521126760560377,1.0,0.7876562499999999467,'["this answer does not seem to be about the question asked (14% relevant: 0 of the prompt''s 3 key words, and the expectations below): the score is scaled by 30%. Answer the question that was asked, with its specifics.","71 words is too short for this question (at least 80): the score is scaled by 79%"]','prioritization','9889ba757218e186',1,1,1,1772445600,1,0.98292343883085342426,1.2161783702767177128,7.0269895692968384892,1,1772532000,NULL);
INSERT INTO attempts VALUES(3,'prio-tech-debt',replace('How do you balance paying down technical debt against shipping new features on a\nfive-year-old mobile banking app?','\n',char(10)),1772704800,-1,replace('fine\n','\n',char(10)),'7c3f738022b23025',-1,NULL,1772704800,0.0,1,1,720,0.0,0.0,0.0,0.14999999999999999444,0.00015625000000000003035,'["reads like a list of keywords (only 0% of the words are in full sentences): vocabulary counts for 15% here. Explain your reasoning in sentences.","this answer does not seem to be about the question asked (0% relevant: 0 of the prompt''s 10 key words, and the expectations below): the score is scaled by 15%. Answer the question that was asked, with its specifics.","1 words is too short for this question (at least 80): the score is scaled by 0%"]','prioritization','9889ba757218e186',1,1,1,1772704800,NULL,NULL,0.211999999999999994,6.4132999999999995566,1,1772791200,NULL);
INSERT INTO attempts VALUES(4,'metrics-measure-success','How do you measure the success of a product?',1772532000,-1,replace('To measure the success of a product, I''d first look at what the product is trying to achieve, because the right metrics depend on the goal. A social app and a B2B tool will need very different metrics.\n\nThen I''d think about the user journey and pick metrics for each stage. For acquisition I''d look at sign-ups and where they come from. For activation, whether new users complete the key action that shows they got value. For engagement, daily or weekly active users and how often they use the core features. For retention, how many users come back over time, usually by cohort. And for revenue, conversion to paid and average revenue per user.\n\nOut of these I''d choose one main metric that best reflects the value users get from the product, something like a North Star metric, so the team can focus on it. I''d also look at qualitative signals like NPS and user interviews to understand the reasons behind the numbers.\n\nFinally, I''d review the metrics regularly with the team and adjust them as the product matures.\n','\n',char(10)),'e83f96d5976006a2',-1,NULL,1772532000,54.200000000000002841,179,11,600,0.0,1.0,5.0279329608938549966,1.0,1.0,'[]','metrics','fa37e46a8fbcefee',2,2,1,1772532000,NULL,NULL,1.2930999999999999161,5.1121707056010556868,1,1772618400,NULL);
INSERT INTO attempts VALUES(5,'launch-competitive-market','Describe how you would launch a product in a competitive market.',1772618400,-1,replace('Launching is ultimately about storytelling. The most successful companies in the world don''t sell products, they sell a vision, and people buy into why you do what you do. So I would start with purpose and build a brand narrative that resonates emotionally.\n\nAs a customer-obsessed, data-driven leader, I would bring a growth mindset to the launch and create a culture of experimentation across the organisation. Cross-functional synergy is critical: product, marketing, sales and engineering need to operate as one team with a shared North Star. I''m a big fan of agile and design thinking, which help the team stay nimble and keep empathy at the centre.\n\nI''d also make sure we create a seamless, omnichannel experience, because today''s consumers expect consistency wherever they engage with a brand. Personalisation powered by AI is going to be a game-changer, and I''d want us to be at the cutting edge of that trend.\n\nFinally, I believe in building communities rather than customer bases. When you empower your users to become advocates, growth becomes organic and sustainable. That''s how you win hearts and minds, build lasting loyalty and truly disrupt a category.\n','\n',char(10)),'e60c137f7bce9de7',-1,NULL,1772618400,0.0,189,11,720,0.0,1.0,2.6455026455026455778,1.0,1.0,'["this answer does not seem to be about the question asked (24% relevant: 0 of the prompt''s 1 key words, and the expectations below): the score is scaled by 47%. Answer the question that was asked, with its specifics."]','launch','85939b8e0de71964',1,1,1,1772618400,NULL,NULL,0.211999999999999994,6.4132999999999995566,1,1772704800,NULL);
CREATE TABLE grade_changes (
  id INTEGER PRIMARY KEY,
  attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
  old_grade INTEGER NOT NULL CHECK (old_grade BETWEEN 1 AND 4),
  new_grade INTEGER NOT NULL CHECK (new_grade BETWEEN 1 AND 4),
  changed_at INTEGER NOT NULL
) STRICT;
CREATE TABLE cards (
  question_id TEXT PRIMARY KEY REFERENCES questions(id),
  stability REAL NOT NULL,
  difficulty REAL NOT NULL,
  last_review INTEGER NOT NULL,
  due INTEGER NOT NULL,
  reps INTEGER NOT NULL,
  lapses INTEGER NOT NULL,
  first_review INTEGER NOT NULL
) STRICT;
INSERT INTO cards VALUES('prio-limited-resources',1.2161783702767177128,7.0269895692968384892,1772445600,1772532000,2,1,1772359200);
INSERT INTO cards VALUES('prio-tech-debt',0.211999999999999994,6.4132999999999995566,1772704800,1772791200,1,0,1772704800);
INSERT INTO cards VALUES('metrics-measure-success',1.2930999999999999161,5.1121707056010556868,1772532000,1772618400,1,0,1772532000);
INSERT INTO cards VALUES('launch-competitive-market',0.211999999999999994,6.4132999999999995566,1772618400,1772704800,1,0,1772618400);
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
INSERT INTO settings VALUES('bank-synced','7099741d0fd6f981',1772445600);
PRAGMA writable_schema=ON;
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','answers_fts','answers_fts',0,'CREATE VIRTUAL TABLE answers_fts USING fts5(answer, content=''attempts'',
  content_rowid=''id'', tokenize=''unicode61 remove_diacritics 2'')');
CREATE TABLE IF NOT EXISTS 'answers_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO answers_fts_data VALUES(1,X'058650');
INSERT INTO answers_fts_data VALUES(10,X'000000000105050005010101020101030101040101050101');
INSERT INTO answers_fts_data VALUES(137438953473,X'0000083703303130010481520201320104813c0201350104815d010232300104820f010133010482560101340104825402013001048125010235350102440101360104814a010238300104812f010161011a1d1c320a0d080f4c22062d143c0204626f7574010a8124191047020763636f756e7473010a2d7c1e137d02046674657201023c02086c6f6e67736964650104820c02046d6f6e6701062a822602016e01048275030164011c10200a0b421d2025141c161d3b0d0306797468696e670102040202706901067c6f3603017001027404086f696e746d656e7401021f02027265010658814803056775696e670104811e020173010681764b03046b696e6701026d0201740106820d56010362326201021e020665636175736501068112210304666f72650102020301740104824402077573696e65737301022c030174010481670201790104811f010963616c656e6461727301025f04016c01023e03016e0104823d040a63656c6c6174696f6e730104824d04066469646174650104817c0a017301024c030670616369747901081382006102046865636b01048242030375726e0106293b4c02086c69636b61626c650104823902066f6c6c65637401024a03036d657301048133040470616e7901022303076e666964656e7401048130040773747261696e740104817803027374010482210501730106813a2402087573746f6d6572730104794d010164010c494281261b190208617368626f617264010669674b0302746101088137813405046261736501088101622a0207656665727265640104821f03026d6f0106815851030570656e64730104816a03067369676e6572010238020769726563746c790104823202036f776e01060a811001066566666f72740104811b0204696768740104825802026e64010278030967696e656572696e6701048104090173010235020678616d706c6501025603026974010465530306706c6963697401048276010466616c6c010482520206656174757265010482280204696c6c730104821303037273740106820370030276650104342002026f7201100f0f1f370b084d630403636573010481140203726f6d01088135812004026e740104824b0104676f616c010624824c010468616c6601022603017301048128030276650108161c823d02036967680104812902076f6c696461797301024003017701021101016901160515191b4227483b1b192702056d706163740106812a1f02016e010a4d0912820a0305626f7865730102530306636964656e7401048170030573746561640104504e020173010c271d46512d24020174010e8113210935040901056b6565707301026c01046c656164010482310204696768740104810e0302737401064f822c02046f736573010482250301770104816404036572730104816f01016d0106198117020561696e6c7901048111030574746572730104814f03037962650104815102016501088115816c03046469756d010481460304747269630104827c020269640104826302056f62696c6501067381280302636b0104823a03056e74686c790104824c030273740104814205026c790104815602037563680102120201790104817e01036e6577010482680302787401024702026f74010482770301770104827801026f6601103320222e0b2f3f4c03036665720104823702016e01083d703c080301650108311f822f02097074696d697a696e6701020e0204726465720104817f020675746c6f6f6b01085e4562520206766572647565010481070108706172746e65727301027e030273730104811002056572736f6e0108457a10150205696e6e656401020902016d01021b02046f696e740104815a0206726573656e740104823e020575626c696301027b01077175617274657201083b815c510801730104822b010772616e6b696e67010603825f0304746865720104817902016501020d0303616368010881192a27060265730104812304016c0104822305026c790102150403736f6e0102630306647563696e6701022803056672657368010670812c03056c656173650104825b03076d696e646572730106764c470307706f7274696e670102680304766965770104826505037369740104825e02036963650104810f0303676874010483030302736b0104817102066f61646d61700104824003057567686c790102430206756e6e696e670104820b010573616c657301086b813b0e03017901021704017301048105020963686564756c696e6701022003036f72650104810a060164010482730601730106816354020565636f6e6401048206030174010482470204686f72740104826d06046c69737401048274040177010482330202697801025902046d616c6c01022b0301730106754c4702016f010681720d0207747261696768740104813402067572766579730102660203796e6301065c4862010774616c6b696e670104815903047267657401048249020365616d01023203026c6c0104822e0501730104827e020368616e0104817a040174010c412b1b81116d030165012a1a0a1a1317145d150a220e0404060611071107190504016d0104810b040272650102570401790104823c0304696e67730102080401730104253202016f010a81163c731603026f6c010221030170010261020472656174010481740202776f010807558152010275700106823b110305677261646501088102622a020473696e67010482500106766f6c756d6501048120010477616e740102060301730104830203017901025b02016501080c0a82580303656b73010a467a10157c020368617401020b0504657665720104826703056574686572010483000203697468010a5d313b81230502696e01048257020472697465010481170408070708070707070708120d10090e0b07130b09060d090b080908080d09070c07070e0607100c060e0a0a0e0b09090d0d08080e0b0f0a0c0d090b0b0d0a0c0a070f060b080c0a0c0a0a080e090b080b09070a090c06100c0a0a0c0b0b0c0a0a0a090a0709080b0b09090a0a080c080b08080807090708070e0909090e0a0e0c0d080d0a060a0c0a0f070e0a060b080707080b0c0b0e0c0a090909080c0a0c0d06070e0907080b070a0a07070908080d0b0a0d0a080807090b1a07070709070a07060a0a090d0a0c090706090c080a0b0c08');
INSERT INTO answers_fts_data VALUES(274877906945,X'000002090530616c736f02023e02026e6402040a140202726502024c02017302042e0402017402020501056275696c6402020b010363616e02023802036f6d6502022002087573746f6d6572730204070e010164020618102202016f02023903026e6502022d010b656e67696e656572696e670202290207766572796f6e6502024901046661737402022f02076561747572657302020f020469727374020210010367657402022b010568617070790202430302726402023602046561726402024d01016902080217102202046465617302024b02016602023202086d706f7274616e7402040e330201730204142202017402043a0401046b65657002024103017902021501056c6174657202023b02036f6f6b02020401046d616b6502024702036f7374020609061701056f6674656e0202230108706f737369626c650202310108726571756573747302021f0202756e02021901017302043d0f0202656502021d02016f0204163003026d6502021a05057468696e67020233020b74616b65686f6c64657273020242020375726502024804047665797302021b010774616c6b696e670202110202686502020c04016e02022403036f736502022c02016f0206121a1803016f02023501027570020221010477616e740202080201650202370203686174020206030369636802021e020369746802022802036f726b0202270303756c640202030409080707060a08080e080607100c090c09080a07090909060e070709060a08090a0a0d0d07070707070a1008090c070608080607090608080808');
INSERT INTO answers_fts_data VALUES(412316860417,X'0000000d053066696e6503020204');
INSERT INTO answers_fts_data VALUES(549755813889,X'0000045302306104080718066e0204626f757404022d02066368696576650402140309717569736974696f6e040238030474696f6e04024c0506766174696f6e0402450601650402570205646a7573740404813602036c736f0404811a02026e6404102013101c160830160202707004021f0201730404813802017404060d316202067665726167650402740103623262040222020361636b0402670206656361757365040215030468696e6404048128030273740404810202017904026b010363616e040481140205686f6f736504027d02056f686f727404026c03026d65040442260405706c65746504024903086e76657273696f6e0402700302726504025f010164040c0a2311441f16020461696c7904025402056570656e6404021902086966666572656e7404022701046561636804023502096e676167656d656e74040253010866656174757265730402600206696e616c6c790404812b030372737404020b02046f63757304048115030172040c34050f10110f0203726f6d0404434701036765740404810702036f616c04021c0301740402500103686f7704045a0b010169040c092311441f1602096e7465727669657773040481230201730402110201740404811701076a6f75726e657904023001036b657904024b01046c696b650406810c1502036f6f6b04060c316201046d61696e04027f03026e79040264030574757265730404813b02066561737572650402030304747269630406810012070173040818120d7f01046e65656404022503017704024702046f7274680404810e02027073040481200206756d626572730404812a01026f6604040675030374656e04025b02016e04041a7e03016504027e02017204025502027574040278020376657204026801047061696404027202026572040276020369636b0402320206726f647563740408080a7c32010b7175616c697461746976650404811d0107726561736f6e73040481270306666c6563747304048103030767756c61726c7904048131030774656e74696f6e040262030576656e756504046f0804036965770404812e020469676874040217010573686f777304024e020369676e04023d0503616c730404811e02016f0404811103046369616c04021e03076d657468696e670404810b0204746167650402360401720404810f020675636365737304020501047465616d0406811323020368617404044d36030165041e040d0907151e1628070b160508060804016d0404813704016e0402290402736504027a040179040641100f0303696e6b04022c0203696d6504026902016f04080213603503026f6c04022302057279696e67040212010a756e6465727374616e64040481250202707304023e0202736504025d04017204062f4a2d050173040848120f23030575616c6c7904026a010576616c756504045136020365727904022601067765656b6c79040256020368617404020e03036572650402400404746865720402460203696c6c04022403027468040481320409090b0e090b060b090e0707080b08080b0a0806090a0a080a0d070b090a0d090e0d0c080a0b09090806090b0f06070c080b0a09070b0b0b0909060a080c080807060607080907080e110d0c0d0c0b09090a080907090d09070b0b091407060708080809070a10070708090a0b080b08080908');
INSERT INTO answers_fts_data VALUES(687194767361,X'0000056002306105161416090b0a1a081d100c380204626f7574050205020563726f7373050244020864766f636174657305048133020467696c650502620201690504810c02036c736f05027402026e64051416121a13160b2a250a0702017305042e2802017405046f2e010562617365730504812b020165050681100c0305636175736505027d04036f6d65050481320701730504813503056c69657665050481240202696705025f020472616e64050429610303696e67050237020475696c64050627811c0603696e67050481260301790502180201790504810b010863617465676f7279050481480205656e747265050271020668616e67657205048113020a6f6d6d756e697469657305048127040670616e69657305020a03096e73697374656e6379050481020505756d657273050481000205726561746505043f3b030669746963616c05024b03036f73730502470206756c74757265050241030673746f6d65720504307c03057474696e670504811d0101640504732502036174610502320205657369676e05026402066973727570740504814602016f05041c0503016e05020e0205726976656e0502330104656467650504811e020a6d6f74696f6e616c6c7905022d0305706174687905026e04046f7765720504812e02056e67616765050481050408696e656572696e67050250020578706563740504810105067269656e636505027c07096d656e746174696f6e050243010366616e0502600206696e616c6c79050481220209756e6374696f6e616c050248010467616d650504811202046f696e670504810e0205726f7774680504397d01066865617274730504813e03026c7005026702026f770504813b010169050c21162918251002016e05060b811c0302746f050219020173050603494501046b65657005026d01076c617374696e67050481420304756e636805023d0703696e670502020205656164657205023402066f79616c74790504814301016d05025d0203616b650502750307726b6574696e6705024d0204696e6473050481400602657405023a02036f737405020801096e617272617469766505022a02036565640502510205696d626c6505026b02046f72746805025a01086f627365737365640502310201660506422140020a6d6e696368616e6e656c05027b02026e65050255020670657261746505025302067267616e6963050481360706736174696f6e050246010670656f706c65050217030d72736f6e616c69736174696f6e0504810902066f77657265640504810a0206726f6475637405024c08017305021102067572706f7365050225010672617468657205048128020865736f6e6174657305022c01017305047f3d0204616c657305024e020765616d6c65737305027a03026c6c050410050205686172656405025902016f050220020374617205025b05017405022304017905026a030a6f727974656c6c696e67050206020975636365737366756c050209030272650502760309737461696e61626c65050481380206796e6572677905024901017405020f020365616d05045615020368616e0504812904017405062b771b030165050e0707320b250a2e040179050412740306696e6b696e6705026502016f050a3b193f0c1a030364617905027e020472656e64050481210303756c7905048145010a756c74696d6174656c79050204020173050481180303657273050481300106766973696f6e050215010477616e7405048117020165050277020368617405021d0302656e0504812c0405726576657205048103030369636805026603017905021a0202696e0504813d03027468050624353102046f726c6405020d0303756c64050422160103796f75050a1b058111110401720504812f0410090a0e0907081007070b080a09070b070a080b0906070e0a0c100b0f0b0b0b080b0c0b07080a0c07060a0a0f0a0a0b0d0b0b0e080c0e0a0a0b0c07080b080708090d09080a0c06080c0a07080e080a090d080f070b0c0b0b130c0b060b0c0d07090c080a060806060f0e070f0b060909080c070b0a080a090f07090b0a0608080b0806080909090c');
CREATE TABLE IF NOT EXISTS 'answers_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
INSERT INTO answers_fts_idx VALUES(1,X'',2);
INSERT INTO answers_fts_idx VALUES(2,X'',2);
INSERT INTO answers_fts_idx VALUES(3,X'',2);
INSERT INTO answers_fts_idx VALUES(4,X'',2);
INSERT INTO answers_fts_idx VALUES(5,X'',2);
CREATE TABLE IF NOT EXISTS 'answers_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
INSERT INTO answers_fts_docsize VALUES(1,X'8302');
INSERT INTO answers_fts_docsize VALUES(2,X'4c');
INSERT INTO answers_fts_docsize VALUES(3,X'01');
INSERT INTO answers_fts_docsize VALUES(4,X'813a');
INSERT INTO answers_fts_docsize VALUES(5,X'8147');
CREATE TABLE IF NOT EXISTS 'answers_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO answers_fts_config VALUES('version',4);
CREATE TABLE criterion_texts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  label TEXT,
  kind TEXT NOT NULL,
  feedback TEXT
) STRICT;
INSERT INTO criterion_texts VALUES(1,'stages','Structure in a sensible order','stages',NULL);
INSERT INTO criterion_texts VALUES(2,'concepts','Prioritization vocabulary used with meaning','keywords',NULL);
INSERT INTO criterion_texts VALUES(3,'numbers','Rough numbers on the options','keywords',NULL);
INSERT INTO criterion_texts VALUES(4,'trade-offs','What the choice costs','keywords',NULL);
INSERT INTO criterion_texts VALUES(5,'decision','A clear decision','keywords',NULL);
INSERT INTO criterion_texts VALUES(6,'clarify','Goal and constraints up front','keywords',NULL);
INSERT INTO criterion_texts VALUES(7,'summary','A headline or a closing summary','keywords',NULL);
INSERT INTO criterion_texts VALUES(8,'concreteness','Concrete, specific sentences','concreteness',NULL);
INSERT INTO criterion_texts VALUES(9,'topic','What this question is about','expect',NULL);
INSERT INTO criterion_texts VALUES(10,'length','Length','length',NULL);
INSERT INTO criterion_texts VALUES(11,'filler','Hedges and vague words','penalty',NULL);
INSERT INTO criterion_texts VALUES(12,'buzzwords','Buzzwords instead of substance','penalty',NULL);
INSERT INTO criterion_texts VALUES(13,'signposting','Signposting the structure','keywords',replace('Signpost the structure so the interviewer can follow it: say how many parts\nthe answer has and mark each one ("First, the goal... Second, the options...\nFinally, my call"), or use a short numbered list with a full sentence per item.','\n',char(10)));
INSERT INTO criterion_texts VALUES(14,'stages','Structure in a sensible order','stages',replace('Walk the interviewer through the decision in order: open with the goal and the\nconstraint you rank against, list the options, name the criteria, compare the options\nwith rough numbers, commit to an order and say what you defer, then close with how you\nwill tell stakeholders and when you will check the result.','\n',char(10)));
INSERT INTO criterion_texts VALUES(15,'concepts','Prioritization vocabulary used with meaning','keywords',replace('Use the working vocabulary of prioritization for the decisions you make: reach\nand impact for value, effort in person-weeks for cost, confidence for how sure you are,\ndependencies and tech debt for constraints, unit economics (LTV, CAC, payback, churn)\nwhen money is the criterion, and the opportunity cost of what you turn down.','\n',char(10)));
INSERT INTO criterion_texts VALUES(16,'numbers','Rough numbers on the options','keywords',replace('This answer gives no figures at all. Put rough numbers on the comparison, even if they are estimates: reach, effort\nin person-weeks, revenue at risk. Numbers make the ranking checkable and show you can\nsize a bet.','\n',char(10)));
INSERT INTO criterion_texts VALUES(17,'trade-offs','What the choice costs','keywords',replace('Say out loud what your choice costs: which request slips, who will be unhappy\nand what risk you accept.','\n',char(10)));
INSERT INTO criterion_texts VALUES(18,'clarify','Goal and constraints up front','keywords',replace('Spend the first lines on the goal and the limits before ranking anything: the\ngoal for the period, the team and the time you actually have, and any date that cannot\nmove.','\n',char(10)));
INSERT INTO criterion_texts VALUES(19,'summary','A headline or a closing summary','keywords',replace('Give the interviewer your answer in one line, either up front or at the end:\nwhat goes first, why, what waits, and when you will check.','\n',char(10)));
INSERT INTO criterion_texts VALUES(20,'concreteness','Concrete, specific sentences','concreteness',replace('Make most sentences commit to something specific to this case: a number, a\nnamed option, a step you would take. General statements about what good PMs do earn\nlittle.','\n',char(10)));
INSERT INTO criterion_texts VALUES(21,'topic','What this question is about','expect',replace('Answer the question that was asked: name its specifics (the product, the\nrequests or features on the table, the constraint such as the date or the team size)\nrather than a general talk about prioritization.','\n',char(10)));
INSERT INTO criterion_texts VALUES(22,'stages','Structure in a sensible order','stages',replace('Walk the interviewer through the decision in order: open with the goal and the\nconstraint you rank against, list the options, name the criteria, compare the options\nwith rough numbers, commit to an order and say what you defer, then close with how you\nwill tell stakeholders and when you will check the result. E.g. "Of the 40 open bugs in the food delivery app, the 6 that block ordering\ngo before the marketing feature; the rest wait behind it, and I''ll review the bug list\nagain in two sprints."','\n',char(10)));
INSERT INTO criterion_texts VALUES(23,'trade-offs','What the choice costs','keywords',replace('Say out loud what your choice costs: which request slips, who will be unhappy\nand what risk you accept. E.g. "Paying down the technical debt this quarter means no new features for six\nweeks, which the VP of Sales will feel."','\n',char(10)));
INSERT INTO criterion_texts VALUES(24,'decision','A clear decision','keywords','No sentence of this answer commits to a choice. Commit to an order instead of leaving it open, and say what waits.');
INSERT INTO criterion_texts VALUES(25,'stages','Structure in a sensible order','stages',replace('Build the answer from the goal down: say what the product is for, which user\naction shows value, the candidate metrics, the one metric you pick and why, the\nguardrail that must not get worse, and the baseline, target and test, then the metric''s\nweak spot.','\n',char(10)));
INSERT INTO criterion_texts VALUES(26,'concepts','Metrics vocabulary used with meaning','keywords',replace('This answer names 1 framework without applying it. Use the measurement vocabulary for real choices: a North Star or primary\nmetric, guardrails, leading versus lagging indicators, retention by cohort, activation,\nand how you attribute a change (an A/B test or a holdout).','\n',char(10)));
INSERT INTO criterion_texts VALUES(27,'numbers','Numbers: baselines, targets, time windows','keywords',replace('Put numbers on the metric: the baseline, the target and the window, and the\nthreshold a guardrail must not cross.','\n',char(10)));
INSERT INTO criterion_texts VALUES(28,'trade-offs','The metric''s trade-offs and weak spots','keywords','Say where your metric can mislead and what you traded away.');
INSERT INTO criterion_texts VALUES(29,'decision','One metric chosen and defended','keywords',NULL);
INSERT INTO criterion_texts VALUES(30,'clarify','Goal clarified up front','keywords',replace('Start from the goal, not a metric: what the product or feature is for and for\nwhom.','\n',char(10)));
INSERT INTO criterion_texts VALUES(31,'summary','A headline or a closing summary','keywords',replace('Give the answer in one line, either up front or at the end, restating the\nprimary metric, its guardrail and its target.','\n',char(10)));
INSERT INTO criterion_texts VALUES(32,'concreteness','Concrete, specific sentences','concreteness',replace('Make most sentences commit to something specific: a metric defined precisely,\na number, a test you would run. General claims about the value of data earn little. E.g. "Orders per checkout visit on the travel booking site, measured daily."','\n',char(10)));
INSERT INTO criterion_texts VALUES(33,'topic','What this question is about','expect',replace('Answer the question that was asked: name its specifics (the product and its\nusers, the feature or change being measured, the numbers in the question) rather\nthan a generic list of metrics.','\n',char(10)));
INSERT INTO criterion_texts VALUES(34,'stages','Structure in a sensible order','stages',replace('Take the launch in order: the goal and constraints, the market and what users\ndo today, one segment to start with, why that segment would switch, how you price and\nreach them, how you roll out with gates and a way back, and which numbers you will\njudge the launch by.','\n',char(10)));
INSERT INTO criterion_texts VALUES(35,'concepts','Go-to-market vocabulary used with meaning','keywords',replace('Use the go-to-market vocabulary for real decisions: the target segment or\nbeachhead, the positioning against a named alternative, a pricing model, the channels,\na beta or staged ramp behind a feature flag, and launch metrics such as activation, CAC\nor retention.','\n',char(10)));
INSERT INTO criterion_texts VALUES(36,'numbers','Numbers: targets, sizes, ramps, dates','keywords',replace('This answer gives no figures at all. Give the launch numbers: the size of the first segment, the beta size, the\nramp steps, the price point, and targets with dates.','\n',char(10)));
INSERT INTO criterion_texts VALUES(37,'trade-offs','Trade-offs and risks','keywords',replace('Name what each choice costs and the biggest risk you accept. E.g. "Launching a month early to beat the competitor means fewer integrations\nat launch."','\n',char(10)));
INSERT INTO criterion_texts VALUES(38,'decision','A clear recommendation','keywords',NULL);
INSERT INTO criterion_texts VALUES(39,'clarify','Goal and constraints up front','keywords',replace('Open by pinning down the launch''s goal and limits: what success means, where\nfirst, and when. E.g. "I''ll assume the goal is paying users rather than downloads, in the US\nfirst, with a launch in about three months."','\n',char(10)));
INSERT INTO criterion_texts VALUES(40,'summary','A short summary at the end','keywords',replace('Close with the plan in two sentences: who first, why they switch, how you\nroll out and which number tells you it worked.','\n',char(10)));
INSERT INTO criterion_texts VALUES(41,'concreteness','Concrete, specific sentences','concreteness',replace('Make most sentences commit to something specific: a named segment, a price, a\nchannel, a ramp step, a date. General lines about great launches earn little.','\n',char(10)));
INSERT INTO criterion_texts VALUES(42,'topic','What this question is about','expect',replace('Answer the question that was asked: name its specifics (the product and its\nmarket, the named competitors or alternatives, the constraint such as the price,\nthe date or the existing users) rather than a generic launch plan.','\n',char(10)));
INSERT INTO criterion_texts VALUES(43,'buzzwords','Buzzwords instead of substance','penalty',replace('Replace launch slogans ("make a splash", "disrupt the market", "seamless\nexperience") with the plan itself: who, at what price, through which channel, with\nwhich gates and which target.','\n',char(10)));
CREATE TABLE criterion_results (
  attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
  pos INTEGER NOT NULL,
  text_id INTEGER NOT NULL REFERENCES criterion_texts(id),
  weight REAL NOT NULL,
  earned REAL NOT NULL,
  scaled REAL NOT NULL,
  flags INTEGER NOT NULL,
  detail TEXT,
  evidence TEXT,
  PRIMARY KEY (attempt_id, pos)
) STRICT, WITHOUT ROWID;
INSERT INTO criterion_results VALUES(1,0,1,25.0,25.0,10.416646598826520886,3,'6 of 6 stages in order (goal and constraints > options on the table > criteria tied to the goal > scoring or comparison > decision and trade-off > communicate and verify)','[{"start":0,"end":11,"what":"goal and constraints"},{"start":401,"end":411,"what":"options on the table"},{"start":525,"end":530,"what":"criteria tied to the goal"},{"start":758,"end":763,"what":"scoring or comparison"},{"start":1599,"end":1607,"what":"decision and trade-off"},{"start":1812,"end":1818,"what":"communicate and verify"}]');
INSERT INTO criterion_results VALUES(1,1,2,14.0,14.0,1.2366111601055678193,3,'9 of 4 concepts, 8.6 of them in sentences that say something specific','[{"start":94,"end":102},{"start":177,"end":189},{"start":212,"end":217},{"start":365,"end":377},{"start":782,"end":786},{"start":835,"end":840},{"start":935,"end":941},{"start":1299,"end":1309},{"start":1773,"end":1780}]');
INSERT INTO criterion_results VALUES(1,2,3,10.0,10.0,5.6012203416305714753,3,'13 of 3 distinct matches','[{"start":272,"end":286},{"start":362,"end":377},{"start":909,"end":912},{"start":956,"end":959},{"start":1031,"end":1046},{"start":1122,"end":1136},{"start":1169,"end":1172},{"start":1228,"end":1243},{"start":1508,"end":1511},{"start":1658,"end":1670},{"start":1890,"end":1892},{"start":1896,"end":1898}]');
INSERT INTO criterion_results VALUES(1,3,4,8.0,8.0,0.0,3,'3 of 2 concepts','[{"start":424,"end":434},{"start":1599,"end":1607},{"start":1609,"end":1620}]');
INSERT INTO criterion_results VALUES(1,4,5,7.0,7.0,0.69725390590677893687,3,'1 of 1 concepts','[{"start":1398,"end":1412}]');
INSERT INTO criterion_results VALUES(1,5,6,5.0,5.0,1.4967506370183309982,3,'1 of 1 concepts in the opening','[{"start":66,"end":80}]');
INSERT INTO criterion_results VALUES(1,6,7,5.0,5.0,3.3539862866143166364,3,'3 of 1 concepts, 2.3 of them in sentences that say something specific','[{"start":1398,"end":1412},{"start":2012,"end":2022},{"start":2013,"end":2021}]');
INSERT INTO criterion_results VALUES(1,7,8,10.0,10.0,5.9111109664780281391,3,'10 of 18 sentences concrete (56%; full at 45%)','[{"start":141,"end":142},{"start":362,"end":363},{"start":754,"end":763},{"start":909,"end":910},{"start":1122,"end":1123},{"start":1169,"end":1170},{"start":1508,"end":1509},{"start":1658,"end":1670},{"start":1672,"end":1680},{"start":1890,"end":1891}]');
INSERT INTO criterion_results VALUES(1,8,9,20.0,20.0,35.477206296311969424,3,'3 of 3','[{"start":185,"end":189,"what":"a goal to rank against"},{"start":782,"end":786,"what":"a scoring framework"},{"start":1599,"end":1607,"what":"what will not be done"}]');
INSERT INTO criterion_results VALUES(1,9,10,5.0,0.0,0.0,3,'368 words (typical 250-500 for the time; points off past 1000)',NULL);
INSERT INTO criterion_results VALUES(1,10,11,6.0,0.0,0.0,3,'2 hits, 0.5 per 100 words (free up to 2)','[{"start":35,"end":41},{"start":1163,"end":1168}]');
INSERT INTO criterion_results VALUES(1,11,12,12.0,0.0,0.0,3,'0 hits, 0.0 per 100 words (free up to 1)',NULL);
INSERT INTO criterion_results VALUES(1,12,13,5.0,3.3333333333333330372,0.39280920473861363761,1,'2 of 3 concepts','[{"start":1427,"end":1432},{"start":1448,"end":1454}]');
INSERT INTO criterion_results VALUES(2,0,14,25.0,6.25,0.62089388070053841417,1,'2 of 6 stages in order (options on the table > decision and trade-off); not found in order: goal and constraints, criteria tied to the goal, scoring or comparison, communicate and verify','[{"start":153,"end":161,"what":"options on the table"},{"start":345,"end":351,"what":"decision and trade-off"}]');
INSERT INTO criterion_results VALUES(2,1,15,14.0,0.0,0.0,1,'0 of 4 concepts',NULL);
INSERT INTO criterion_results VALUES(2,2,16,10.0,0.0,0.0,1,'0 of 3 distinct matches',NULL);
INSERT INTO criterion_results VALUES(2,3,17,8.0,0.0,0.0,1,'0 of 2 concepts',NULL);
INSERT INTO criterion_results VALUES(2,4,5,7.0,7.0,0.1662418627203262611,3,'1 of 1 concepts','[{"start":115,"end":121}]');
INSERT INTO criterion_results VALUES(2,5,18,5.0,0.0,0.0,1,'0 of 1 concepts in the opening',NULL);
INSERT INTO criterion_results VALUES(2,6,19,5.0,0.0,0.0,1,'0 of 1 concepts',NULL);
INSERT INTO criterion_results VALUES(2,7,20,10.0,8.8888888888888892836,1.2527546702082335006,1,'2 of 5 sentences concrete (40%; full at 45%)','[{"start":0,"end":12},{"start":118,"end":125}]');
INSERT INTO criterion_results VALUES(2,8,21,20.0,0.0,0.0,1,'0 of 3; missing: a scoring framework; a goal to rank against; what will not be done',NULL);
INSERT INTO criterion_results VALUES(2,9,10,5.0,0.0,0.0,3,'71 words (typical 250-500 for the time; points off past 1000)',NULL);
INSERT INTO criterion_results VALUES(2,10,11,6.0,0.0,0.0,3,'0 hits, 0.0 per 100 words (free up to 2)',NULL);
INSERT INTO criterion_results VALUES(2,11,12,12.0,0.0,0.0,3,'0 hits, 0.0 per 100 words (free up to 1)',NULL);
INSERT INTO criterion_results VALUES(2,12,13,5.0,0.83333333333333325931,0.023413756931383818138,1,'2 of 3 concepts, 0.5 of them in sentences that say something specific','[{"start":79,"end":84},{"start":182,"end":190}]');
INSERT INTO criterion_results VALUES(3,0,22,25.0,0.0,0.0,1,'0 of 6 stages in order (none); not found in order: goal and constraints, options on the table, criteria tied to the goal, scoring or comparison, decision and trade-off, communicate and verify',NULL);
INSERT INTO criterion_results VALUES(3,1,15,14.0,0.0,0.0,1,'0 of 4 concepts',NULL);
INSERT INTO criterion_results VALUES(3,2,16,10.0,0.0,0.0,1,'0 of 3 distinct matches',NULL);
INSERT INTO criterion_results VALUES(3,3,23,8.0,0.0,0.0,1,'0 of 2 concepts',NULL);
INSERT INTO criterion_results VALUES(3,4,24,7.0,0.0,0.0,1,'0 of 1 concepts',NULL);
INSERT INTO criterion_results VALUES(3,5,18,5.0,0.0,0.0,1,'0 of 1 concepts in the opening',NULL);
INSERT INTO criterion_results VALUES(3,6,19,5.0,0.0,0.0,1,'0 of 1 concepts',NULL);
INSERT INTO criterion_results VALUES(3,7,20,10.0,0.0,0.0,1,'0 of 0 sentences concrete (0%; full at 45%)',NULL);
INSERT INTO criterion_results VALUES(3,8,21,20.0,0.0,0.0,1,'0 of 4; missing: the technical debt; new features; banking risk; an explicit allocation',NULL);
INSERT INTO criterion_results VALUES(3,9,10,5.0,0.0,0.0,3,'1 words (typical 250-500 for the time; points off past 1000)',NULL);
INSERT INTO criterion_results VALUES(3,10,11,6.0,0.0,0.0,3,'0 hits, 0.0 per 100 words (free up to 2)',NULL);
INSERT INTO criterion_results VALUES(3,11,12,12.0,0.0,0.0,3,'0 hits, 0.0 per 100 words (free up to 1)',NULL);
INSERT INTO criterion_results VALUES(3,12,13,5.0,0.0,0.0,1,'0 of 3 concepts',NULL);
INSERT INTO criterion_results VALUES(4,0,25,25.0,11.25,4.687490969471933333,1,'3 of 7 stages in order (goal of the product > users and key actions > primary metric and why); not found in order: candidate metrics, guardrails, baseline, target and method, summary or weak spot','[{"start":134,"end":138,"what":"goal of the product"},{"start":715,"end":720,"what":"users and key actions"},{"start":760,"end":770,"what":"primary metric and why"}]');
INSERT INTO criterion_results VALUES(4,1,26,14.0,7.0,0.61830558005278390965,1,'5 of 4 concepts, 2 of them in sentences that say something specific','[{"start":341,"end":351},{"start":513,"end":522},{"start":587,"end":594},{"start":596,"end":606},{"start":760,"end":770}]');
INSERT INTO criterion_results VALUES(4,2,27,10.0,0.0,0.0,1,'0 of 3 distinct matches',NULL);
INSERT INTO criterion_results VALUES(4,3,28,8.0,0.0,0.0,1,'0 of 2 concepts',NULL);
INSERT INTO criterion_results VALUES(4,4,29,7.0,7.0,0.69725390590677893687,3,'1 of 1 concepts','[{"start":659,"end":669}]');
INSERT INTO criterion_results VALUES(4,5,30,5.0,0.0,0.0,1,'0 of 1 concepts in the opening',NULL);
INSERT INTO criterion_results VALUES(4,6,31,5.0,0.0,0.0,1,'0 of 1 concepts',NULL);
INSERT INTO criterion_results VALUES(4,7,32,10.0,8.0808080808080813284,4.7766553264468933903,1,'4 of 11 sentences concrete (36%; full at 45%)','[{"start":160,"end":161},{"start":290,"end":298},{"start":635,"end":643},{"start":659,"end":669}]');
INSERT INTO criterion_results VALUES(4,8,33,20.0,9.5,16.851672990748184588,1,'4 of 4','[{"start":55,"end":81,"what":"it depends on the product"},{"start":134,"end":138,"what":"a goal first"},{"start":228,"end":240,"what":"metrics along the user journey"},{"start":674,"end":685,"what":"one primary metric"}]');
INSERT INTO criterion_results VALUES(4,9,10,5.0,0.0,0.0,3,'179 words (typical 250-500 for the time; points off past 1000)',NULL);
INSERT INTO criterion_results VALUES(4,10,11,6.0,0.0,0.0,3,'0 hits, 0.0 per 100 words (free up to 2)',NULL);
INSERT INTO criterion_results VALUES(4,11,12,12.0,0.0,0.0,3,'0 hits, 0.0 per 100 words (free up to 1)',NULL);
INSERT INTO criterion_results VALUES(4,12,13,5.0,2.7499999999999995559,0.32406759390935624409,1,'3 of 3 concepts, 1.7 of them in sentences that say something specific','[{"start":41,"end":46},{"start":203,"end":211},{"start":921,"end":928}]');
INSERT INTO criterion_results VALUES(5,0,34,25.0,5.0,0.97818004992823315291,1,'1 of 7 stages in order (target segment); not found in order: goal and constraints, market and competition, positioning, pricing and channels, rollout and readiness, metrics and post-launch loop','[{"start":183,"end":193,"what":"target segment"}]');
INSERT INTO criterion_results VALUES(5,1,35,14.0,0.0,0.0,1,'0 of 4 concepts',NULL);
INSERT INTO criterion_results VALUES(5,2,36,10.0,0.0,0.0,1,'0 of 3 distinct matches',NULL);
INSERT INTO criterion_results VALUES(5,3,37,8.0,1.0,0.0,1,'1 of 2 concepts, 0.3 of them in sentences that say something specific','[{"start":963,"end":974}]');
INSERT INTO criterion_results VALUES(5,4,38,7.0,7.0,0.32737976373768085114,3,'3 of 1 concepts','[{"start":172,"end":182},{"start":172,"end":182},{"start":175,"end":193}]');
INSERT INTO criterion_results VALUES(5,5,39,5.0,0.0,0.0,1,'0 of 1 concepts in the opening',NULL);
INSERT INTO criterion_results VALUES(5,6,40,5.0,0.0,0.0,1,'0 of 1 concepts',NULL);
INSERT INTO criterion_results VALUES(5,7,41,10.0,2.0202020202020203321,0.56069255366695369691,1,'1 of 11 sentences concrete (9%; full at 45%)','[{"start":175,"end":188}]');
INSERT INTO criterion_results VALUES(5,8,42,20.0,0.0,0.0,1,'0 of 4; missing: the competitors; a beachhead segment; a reason to switch; a rollout plan',NULL);
INSERT INTO criterion_results VALUES(5,9,10,5.0,0.0,0.0,3,'189 words (typical 250-500 for the time; points off past 1000)',NULL);
INSERT INTO criterion_results VALUES(5,10,11,6.0,0.0,0.0,3,'0 hits, 0.0 per 100 words (free up to 2)',NULL);
INSERT INTO criterion_results VALUES(5,11,43,12.0,12.0,-12.0,1,'8 hits, 4.2 per 100 words (free up to 1)','[{"start":264,"end":281},{"start":283,"end":294},{"start":430,"end":437},{"start":687,"end":695},{"start":848,"end":860},{"start":891,"end":903},{"start":1000,"end":1007},{"start":1149,"end":1156}]');
INSERT INTO criterion_results VALUES(5,12,13,5.0,0.41666666666666662965,0.023054332064671653745,1,'1 of 3 concepts, 0.3 of them in sentences that say something specific','[{"start":920,"end":927}]');
CREATE TABLE question_stats (
  question_id TEXT PRIMARY KEY,
  attempts INTEGER NOT NULL,
  last_at INTEGER,
  last_main_score REAL
) STRICT, WITHOUT ROWID;
INSERT INTO question_stats VALUES('launch-competitive-market',1,1772618400,0.0);
INSERT INTO question_stats VALUES('metrics-measure-success',1,1772532000,54.200000000000002841);
INSERT INTO question_stats VALUES('prio-limited-resources',2,1772445600,7.0);
INSERT INTO question_stats VALUES('prio-tech-debt',1,1772704800,0.0);
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('mock')),
  started_at INTEGER NOT NULL,
  ended_at INTEGER,
  settings TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE TABLE category_days (
  category TEXT NOT NULL,
  day INTEGER NOT NULL,
  attempts INTEGER NOT NULL,
  scored INTEGER NOT NULL,
  mains INTEGER NOT NULL,
  main_sum INTEGER NOT NULL,
  drills INTEGER NOT NULL,
  drill_sum INTEGER NOT NULL,
  crams INTEGER NOT NULL,
  cram_sum INTEGER NOT NULL,
  follow_ups INTEGER NOT NULL,
  follow_up_sum INTEGER NOT NULL,
  PRIMARY KEY (category, day)
) STRICT, WITHOUT ROWID;
INSERT INTO category_days VALUES('launch',20516,1,1,1,0,1,0,0,0,0,0);
INSERT INTO category_days VALUES('metrics',20515,1,1,1,54200000,1,54200000,0,0,0,0);
INSERT INTO category_days VALUES('prioritization',20513,1,1,1,94300000,1,94300000,0,0,0,0);
INSERT INTO category_days VALUES('prioritization',20514,1,1,1,7000000,1,7000000,0,0,0,0);
INSERT INTO category_days VALUES('prioritization',20517,1,1,1,0,1,0,0,0,0,0);
CREATE TABLE trend_points (
  category TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  attempt_id INTEGER NOT NULL,
  score REAL NOT NULL,
  PRIMARY KEY (category, started_at, attempt_id)
) STRICT, WITHOUT ROWID;
INSERT INTO trend_points VALUES('launch',1772618400,5,0.0);
INSERT INTO trend_points VALUES('metrics',1772532000,4,54.200000000000002841);
INSERT INTO trend_points VALUES('prioritization',1772359200,1,94.299999999999997157);
INSERT INTO trend_points VALUES('prioritization',1772445600,2,7.0);
INSERT INTO trend_points VALUES('prioritization',1772704800,3,0.0);
CREATE INDEX attempts_by_question ON attempts(question_id, started_at);
CREATE INDEX attempts_by_start ON attempts(started_at);
CREATE INDEX attempts_by_parent ON attempts(parent_id);
CREATE INDEX grade_changes_by_attempt ON grade_changes(attempt_id);
CREATE TRIGGER attempts_fts_insert AFTER INSERT ON attempts BEGIN
  INSERT INTO answers_fts(rowid, answer) VALUES (new.id, new.answer);
END;
CREATE TRIGGER attempts_fts_delete AFTER DELETE ON attempts BEGIN
  INSERT INTO answers_fts(answers_fts, rowid, answer)
    VALUES ('delete', old.id, old.answer);
END;
CREATE TRIGGER attempts_fts_update AFTER UPDATE OF answer ON attempts BEGIN
  INSERT INTO answers_fts(answers_fts, rowid, answer)
    VALUES ('delete', old.id, old.answer);
  INSERT INTO answers_fts(rowid, answer) VALUES (new.id, new.answer);
END;
CREATE INDEX cards_by_due ON cards(due);
CREATE INDEX attempts_by_question_score ON attempts(question_id,
  follow_up, started_at, score);
CREATE INDEX attempts_progress ON attempts(started_at, question_id,
  follow_up, scheduled, score);
CREATE UNIQUE INDEX criterion_texts_key ON criterion_texts(name, kind,
  ifnull(label, char(0)), ifnull(feedback, char(0)));
CREATE VIEW criteria AS SELECT r.attempt_id AS attempt_id, r.pos AS pos,
  t.name AS name, t.label AS label, t.kind AS kind, r.weight AS weight,
  r.earned AS earned, r.scaled AS scaled, r.flags & 1 AS active,
  (r.flags >> 1) & 1 AS met, (r.flags >> 2) & 1 AS limited,
  r.detail AS detail, t.feedback AS feedback,
  ifnull(r.evidence, '[]') AS evidence
  FROM criterion_results r JOIN criterion_texts t ON t.id = r.text_id;
CREATE TRIGGER criteria_insert INSTEAD OF INSERT ON criteria BEGIN
  INSERT OR IGNORE INTO criterion_texts (name, label, kind, feedback)
    VALUES (new.name, new.label, new.kind, new.feedback);
  INSERT INTO criterion_results VALUES (new.attempt_id, new.pos,
    (SELECT id FROM criterion_texts WHERE name = new.name
     AND kind = new.kind AND ifnull(label, char(0)) = ifnull(new.label, char(0))
     AND ifnull(feedback, char(0)) = ifnull(new.feedback, char(0))),
    new.weight, new.earned, new.scaled, (new.active != 0)
    | ((new.met != 0) << 1) | ((new.limited != 0) << 2), new.detail,
    nullif(new.evidence, '[]'));
END;
CREATE TRIGGER criteria_delete INSTEAD OF DELETE ON criteria BEGIN
  DELETE FROM criterion_results WHERE attempt_id = old.attempt_id
    AND pos = old.pos;
END;
CREATE TRIGGER question_stats_insert AFTER INSERT ON attempts BEGIN
  INSERT OR REPLACE INTO question_stats SELECT new.question_id,
    (SELECT count(*) FROM attempts a WHERE a.question_id = new.question_id),
    (SELECT max(a.started_at) FROM attempts a WHERE a.question_id = new.question_id),
    (SELECT a.score FROM attempts a WHERE a.question_id = new.question_id
     AND a.score IS NOT NULL AND a.follow_up = -1
     ORDER BY a.started_at DESC, a.id DESC LIMIT 1);
END;
CREATE TRIGGER question_stats_update AFTER UPDATE OF question_id,
  started_at, follow_up, score ON attempts BEGIN
  INSERT OR REPLACE INTO question_stats SELECT new.question_id,
    (SELECT count(*) FROM attempts a WHERE a.question_id = new.question_id),
    (SELECT max(a.started_at) FROM attempts a WHERE a.question_id = new.question_id),
    (SELECT a.score FROM attempts a WHERE a.question_id = new.question_id
     AND a.score IS NOT NULL AND a.follow_up = -1
     ORDER BY a.started_at DESC, a.id DESC LIMIT 1);
  INSERT OR REPLACE INTO question_stats SELECT old.question_id,
    (SELECT count(*) FROM attempts a WHERE a.question_id = old.question_id),
    (SELECT max(a.started_at) FROM attempts a WHERE a.question_id = old.question_id),
    (SELECT a.score FROM attempts a WHERE a.question_id = old.question_id
     AND a.score IS NOT NULL AND a.follow_up = -1
     ORDER BY a.started_at DESC, a.id DESC LIMIT 1);
END;
CREATE TRIGGER question_stats_delete AFTER DELETE ON attempts BEGIN
  INSERT OR REPLACE INTO question_stats SELECT old.question_id,
    (SELECT count(*) FROM attempts a WHERE a.question_id = old.question_id),
    (SELECT max(a.started_at) FROM attempts a WHERE a.question_id = old.question_id),
    (SELECT a.score FROM attempts a WHERE a.question_id = old.question_id
     AND a.score IS NOT NULL AND a.follow_up = -1
     ORDER BY a.started_at DESC, a.id DESC LIMIT 1);
END;
CREATE INDEX attempts_by_session ON attempts(session_id);
CREATE VIEW attempt_counts AS SELECT a.id AS attempt_id,
  a.question_id AS question_id, a.started_at AS started_at,
  a.score AS score, coalesce(q.category, '?') AS category,
  (a.started_at - (a.started_at % 86400 + 86400) % 86400) / 86400 AS day,
  1 AS attempts, a.score IS NOT NULL AS scored,
  a.score IS NOT NULL AND a.follow_up = -1 AS mains,
  CASE WHEN a.score IS NOT NULL AND a.follow_up = -1
    THEN CAST(round(a.score * 1000000) AS INTEGER) ELSE 0 END AS main_sum,
  coalesce(a.score, -1) >= 0 AND a.follow_up < 0 AND a.scheduled AS drills,
  CASE WHEN coalesce(a.score, -1) >= 0 AND a.follow_up < 0 AND a.scheduled
    THEN CAST(round(a.score * 1000000) AS INTEGER) ELSE 0 END AS drill_sum,
  coalesce(a.score, -1) >= 0 AND a.follow_up < 0 AND NOT a.scheduled
    AS crams,
  CASE WHEN coalesce(a.score, -1) >= 0 AND a.follow_up < 0
    AND NOT a.scheduled
    THEN CAST(round(a.score * 1000000) AS INTEGER) ELSE 0 END AS cram_sum,
  coalesce(a.score, -1) >= 0 AND a.follow_up >= 0 AS follow_ups,
  CASE WHEN coalesce(a.score, -1) >= 0 AND a.follow_up >= 0
    THEN CAST(round(a.score * 1000000) AS INTEGER) ELSE 0 END
    AS follow_up_sum,
  coalesce(a.score, -1) >= 0 AND a.follow_up < 0 AS trend
  FROM attempts a LEFT JOIN questions q ON q.id = a.question_id;
CREATE INDEX cards_queue ON cards(question_id, stability, difficulty,
  last_review, due, reps, lapses, first_review);
CREATE TRIGGER summaries_insert AFTER INSERT ON attempts BEGIN
  INSERT INTO category_days SELECT category, day,
    attempts, scored, mains, main_sum, drills, drill_sum, crams,
    cram_sum, follow_ups, follow_up_sum
    FROM attempt_counts WHERE attempt_id = new.id
  ON CONFLICT DO UPDATE SET attempts = attempts + excluded.attempts,
    scored = scored + excluded.scored,
    mains = mains + excluded.mains,
    main_sum = main_sum + excluded.main_sum,
    drills = drills + excluded.drills,
    drill_sum = drill_sum + excluded.drill_sum,
    crams = crams + excluded.crams,
    cram_sum = cram_sum + excluded.cram_sum,
    follow_ups = follow_ups + excluded.follow_ups,
    follow_up_sum = follow_up_sum + excluded.follow_up_sum;
  INSERT INTO trend_points SELECT category, started_at, attempt_id,
    score FROM attempt_counts WHERE attempt_id = new.id AND trend;
END;
CREATE TRIGGER summaries_unupdate BEFORE UPDATE OF question_id,
  started_at, follow_up, scheduled, score ON attempts BEGIN
  INSERT INTO category_days SELECT category, day, -attempts, -scored,
    -mains, -main_sum, -drills, -drill_sum, -crams, -cram_sum,
    -follow_ups, -follow_up_sum
    FROM attempt_counts WHERE attempt_id = old.id
  ON CONFLICT DO UPDATE SET attempts = attempts + excluded.attempts,
    scored = scored + excluded.scored,
    mains = mains + excluded.mains,
    main_sum = main_sum + excluded.main_sum,
    drills = drills + excluded.drills,
    drill_sum = drill_sum + excluded.drill_sum,
    crams = crams + excluded.crams,
    cram_sum = cram_sum + excluded.cram_sum,
    follow_ups = follow_ups + excluded.follow_ups,
    follow_up_sum = follow_up_sum + excluded.follow_up_sum;
  DELETE FROM category_days WHERE attempts = 0
    AND (category, day) IN (SELECT category, day FROM attempt_counts
    WHERE attempt_id = old.id);
  DELETE FROM trend_points WHERE (category, started_at, attempt_id)
    IN (SELECT category, started_at, attempt_id FROM attempt_counts
    WHERE attempt_id = old.id);
END;
CREATE TRIGGER summaries_update AFTER UPDATE OF question_id, started_at,
  follow_up, scheduled, score ON attempts BEGIN
  INSERT INTO category_days SELECT category, day,
    attempts, scored, mains, main_sum, drills, drill_sum, crams,
    cram_sum, follow_ups, follow_up_sum
    FROM attempt_counts WHERE attempt_id = new.id
  ON CONFLICT DO UPDATE SET attempts = attempts + excluded.attempts,
    scored = scored + excluded.scored,
    mains = mains + excluded.mains,
    main_sum = main_sum + excluded.main_sum,
    drills = drills + excluded.drills,
    drill_sum = drill_sum + excluded.drill_sum,
    crams = crams + excluded.crams,
    cram_sum = cram_sum + excluded.cram_sum,
    follow_ups = follow_ups + excluded.follow_ups,
    follow_up_sum = follow_up_sum + excluded.follow_up_sum;
  INSERT INTO trend_points SELECT category, started_at, attempt_id,
    score FROM attempt_counts WHERE attempt_id = new.id AND trend;
END;
CREATE TRIGGER summaries_delete BEFORE DELETE ON attempts BEGIN
  INSERT INTO category_days SELECT category, day, -attempts, -scored,
    -mains, -main_sum, -drills, -drill_sum, -crams, -cram_sum,
    -follow_ups, -follow_up_sum
    FROM attempt_counts WHERE attempt_id = old.id
  ON CONFLICT DO UPDATE SET attempts = attempts + excluded.attempts,
    scored = scored + excluded.scored,
    mains = mains + excluded.mains,
    main_sum = main_sum + excluded.main_sum,
    drills = drills + excluded.drills,
    drill_sum = drill_sum + excluded.drill_sum,
    crams = crams + excluded.crams,
    cram_sum = cram_sum + excluded.cram_sum,
    follow_ups = follow_ups + excluded.follow_ups,
    follow_up_sum = follow_up_sum + excluded.follow_up_sum;
  DELETE FROM category_days WHERE attempts = 0
    AND (category, day) IN (SELECT category, day FROM attempt_counts
    WHERE attempt_id = old.id);
  DELETE FROM trend_points WHERE (category, started_at, attempt_id)
    IN (SELECT category, started_at, attempt_id FROM attempt_counts
    WHERE attempt_id = old.id);
END;
CREATE TRIGGER summaries_category AFTER UPDATE OF category ON questions
  WHEN old.category IS NOT new.category BEGIN
  INSERT INTO category_days SELECT coalesce(old.category, '?'), day, -sum(attempts),
    -sum(scored), -sum(mains), -sum(main_sum), -sum(drills),
    -sum(drill_sum), -sum(crams), -sum(cram_sum), -sum(follow_ups),
    -sum(follow_up_sum) FROM attempt_counts WHERE question_id = new.id
    GROUP BY day
  ON CONFLICT DO UPDATE SET attempts = attempts + excluded.attempts,
    scored = scored + excluded.scored,
    mains = mains + excluded.mains,
    main_sum = main_sum + excluded.main_sum,
    drills = drills + excluded.drills,
    drill_sum = drill_sum + excluded.drill_sum,
    crams = crams + excluded.crams,
    cram_sum = cram_sum + excluded.cram_sum,
    follow_ups = follow_ups + excluded.follow_ups,
    follow_up_sum = follow_up_sum + excluded.follow_up_sum;
  DELETE FROM category_days WHERE category = coalesce(old.category, '?') AND attempts = 0;
  INSERT INTO category_days SELECT category, day, sum(attempts),
    sum(scored), sum(mains), sum(main_sum), sum(drills),
    sum(drill_sum), sum(crams), sum(cram_sum), sum(follow_ups),
    sum(follow_up_sum) FROM attempt_counts WHERE question_id = new.id
    GROUP BY category, day
  ON CONFLICT DO UPDATE SET attempts = attempts + excluded.attempts,
    scored = scored + excluded.scored,
    mains = mains + excluded.mains,
    main_sum = main_sum + excluded.main_sum,
    drills = drills + excluded.drills,
    drill_sum = drill_sum + excluded.drill_sum,
    crams = crams + excluded.crams,
    cram_sum = cram_sum + excluded.cram_sum,
    follow_ups = follow_ups + excluded.follow_ups,
    follow_up_sum = follow_up_sum + excluded.follow_up_sum;
  UPDATE trend_points SET category = (SELECT category FROM
    attempt_counts c WHERE c.attempt_id = trend_points.attempt_id)
    WHERE category = coalesce(old.category, '?') AND attempt_id IN
    (SELECT id FROM attempts WHERE question_id = new.id);
END;
PRAGMA writable_schema=OFF;
COMMIT;
